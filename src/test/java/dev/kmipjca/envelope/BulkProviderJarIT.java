package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained {@code target/kmip-jca.jar} (the {@code kmipjca.jar} system property that failsafe
 * sets) bundles ACCP with its native library, and ACCP loads from it although shading dropped its jar
 * signature: {@link BulkProviderMain} in a fresh JVM, with only the jar and the test classes on the
 * class path, reports ACCP under {@code auto} on linux-x86_64 and falls back to SunJCE when ACCP's
 * native library cannot load.
 */
class BulkProviderJarIT {
    /** ACCP's own switch: skip the bundled native library and look on java.library.path instead. */
    private static final String NO_BUNDLED_LIBRARY = "-Dcom.amazon.corretto.crypto.provider.useExternalLib=true";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String setting, String... jvmFlags) throws Exception {
        String jar = System.getProperty("kmipjca.jar", "target/kmip-jca.jar");
        assertTrue(Files.isRegularFile(Path.of(jar)), "no jar at " + jar + "; run mvn package first");
        String testClasses = BulkProviderMain.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", jar + File.pathSeparator + testClasses, BulkProviderMain.class.getName(), setting));
        Path out = dir.resolve("out-" + setting + jvmFlags.length + ".txt");
        Path err = dir.resolve("err-" + setting + jvmFlags.length + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the JVM did not finish");
        } finally {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean linuxX8664() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    @Test
    void jar_onLinuxX8664_bulkEncryptsWithAccpUnderAuto() throws Exception {
        assumeTrue(linuxX8664(), "the jar bundles ACCP's linux-x86_64 build");
        Run r = run("AUTO");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("choice=ACCP 2.5.0 (AWS-LC v1.47.0): kmip.bulkProvider=auto and ACCP passed its self-tests\n"
                + "cipher=AmazonCorrettoCryptoProvider\n", r.out());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void jar_withSunJceSetting_bulkEncryptsWithSunJce() throws Exception {
        Run r = run("SUNJCE");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("choice=SunJCE [0-9.]+: kmip.bulkProvider=SunJCE\ncipher=SunJCE\n"), r.out());
    }

    @Test
    void jar_whenAccpsNativeLibraryCannotLoad_fallsBackToSunJceUnderAuto_andFailsUnderAccp() throws Exception {
        Run auto = run("AUTO", NO_BUNDLED_LIBRARY);
        assertEquals(0, auto.exit(), auto.toString());
        assertTrue(auto.out().matches("choice=SunJCE [0-9.]+: kmip.bulkProvider=auto and ACCP is not usable: its native"
                + " library did not load \\(.*\\)\ncipher=SunJCE\n"), auto.out());
        Run accp = run("ACCP", NO_BUNDLED_LIBRARY);
        assertEquals(1, accp.exit(), accp.toString());
        assertTrue(accp.out().startsWith("error=kmip.bulkProvider=ACCP requires Amazon Corretto Crypto Provider, but it"
                + " is not usable: its native library did not load ("), accp.out());
    }
}
