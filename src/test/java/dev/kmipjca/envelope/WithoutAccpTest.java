package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The library's own classes, loaded without ACCP on the class path (a class loader over
 * target/classes and the JDK only): {@code auto} falls back to SunJCE, {@code ACCP} fails with a clear
 * message, and no {@code NoClassDefFoundError} escapes. Reflection is on our classes only.
 */
class WithoutAccpTest {
    private final URLClassLoader loader = new URLClassLoader(
            new URL[] {BulkProviders.class.getProtectionDomain().getCodeSource().getLocation()},
            ClassLoader.getPlatformClassLoader());

    @AfterEach
    void close() throws Exception {
        loader.close();
    }

    private Object select(String setting) throws Throwable {
        Class<?> enumClass = loader.loadClass("dev.kmipjca.config.BulkProvider");
        Method select = loader.loadClass("dev.kmipjca.envelope.BulkProviders").getMethod("select", enumClass);
        try {
            return select.invoke(null, enumClass.getField(setting).get(null));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String description(Object choice) throws Exception {
        return (String) choice.getClass().getMethod("description").invoke(choice);
    }

    @Test
    void theLoader_reallyHasNoAccp() {
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass(Accp.PROVIDER_CLASS));
    }

    @Test
    void auto_withoutAccp_fallsBackToSunJce() throws Throwable {
        String d = description(select("AUTO"));
        assertTrue(d.matches("SunJCE [0-9.]+: kmip.bulkProvider=auto and ACCP is not usable: it is not on the class path"), d);
    }

    @Test
    void accp_withoutAccp_failsSayingItIsNotOnTheClassPath() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> select("ACCP"));
        assertTrue(e.getMessage().startsWith("kmip.bulkProvider=ACCP requires Amazon Corretto Crypto Provider, but it"
                + " is not usable: it is not on the class path."), e.getMessage());
    }

    @Test
    void envelope_withoutAccp_buildsWithSunJce() throws Exception {
        Class<?> service = loader.loadClass("dev.kmipjca.envelope.KeyWrapService");
        Object unused = Proxy.newProxyInstance(loader, new Class<?>[] {service}, (proxy, m, args) -> {
            throw new AssertionError("not called");
        });
        Object builder = loader.loadClass("dev.kmipjca.envelope.Envelope").getMethod("builder", service).invoke(null, unused);
        try (AutoCloseable envelope = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
            Object choice = envelope.getClass().getMethod("bulkProvider").invoke(envelope);
            assertTrue(description(choice).startsWith("SunJCE "), description(choice));
        }
    }

    @Test
    void sunJce_withoutAccp_isSunJce() throws Throwable {
        assertEquals("SunJCE", select("SUNJCE").getClass().getMethod("name").invoke(select("SUNJCE")));
    }
}
