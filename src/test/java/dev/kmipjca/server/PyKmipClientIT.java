package dev.kmipjca.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.State;
import dev.kmipjca.transport.DevPki;
import dev.kmipjca.transport.DevPkiFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PyKMIP's own client (Debian's python3-pykmip, run by {@code /usr/bin/python3}) against the
 * development server at KMIP 1.2, 1.4 and 2.0: create, activate, locate, get, get attributes, AES-CBC
 * and AES-GCM encrypt/decrypt (GCM through raw payloads, since ProxyKmipClient drops the tag), revoke,
 * destroy. The script ({@code pykmip_client.py} beside this class's resources) prints one JSON object
 * per step; this test checks each against the server's view through its own client and against SunJCE.
 * Without PyKMIP the test is skipped, except under CI=true, where it fails.
 */
class PyKmipClientIT {
    static final String PYTHON = "/usr/bin/python3";
    static final Pattern FIELD = Pattern.compile("\"(\\w+)\": (\"((?:[^\"\\\\]|\\\\.)*)\"|[^,}]+)");

    @TempDir
    static Path dir;
    static DevServer server;
    static Path script;
    static Path combinedPem;

    @BeforeAll
    static void start() throws Exception {
        boolean installed;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import kmip").redirectErrorStream(true).start();
            try {
                installed = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } finally {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            installed = false;
        }
        if (!installed) {
            String why = "PyKMIP is not installed for " + PYTHON + " (apt-get install python3-pykmip)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; CI=true requires it");
            }
            Assumptions.abort(why + "; skipping the PyKMIP interoperability test");
        }
        server = Kmip.start(dir);
        DevPki.Issued id = DevPki.issueClient(server.certificateAuthority(), "pykmip-client", true, DevPki.KeyKind.EC_P256);
        DevPkiFiles.writeKey(dir.resolve("pykmip-key.pem"), id.privateKey(), DevPkiFiles.KeyFormat.PKCS8, null);
        DevPkiFiles.writeCertificates(dir.resolve("pykmip-cert.pem"), id.chain());
        combinedPem = dir.resolve("pykmip.pem");
        DevPkiFiles.writeKeyAndChain(combinedPem, id.privateKey(), id.chain(), DevPkiFiles.KeyFormat.PKCS8, null);
        script = dir.resolve("pykmip_client.py");
        try (InputStream in = PyKmipClientIT.class.getResourceAsStream("pykmip_client.py")) {
            Files.copy(in, script);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs the script and returns its steps by name; the Python process is always killed by its PID. */
    static Map<String, Map<String, String>> runScript(String version, String name, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "127.0.0.1", Integer.toString(server.port()),
                server.caFile().toString(), dir.resolve("pykmip-cert.pem").toString(),
                dir.resolve("pykmip-key.pem").toString(), version, name));
        cmd.addAll(List.of(extra));
        Path out = dir.resolve("out-" + name + ".txt");
        Path err = dir.resolve("err-" + name + ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the PyKMIP client did not finish");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String stdout = Files.readString(out);
        assertEquals(0, p.exitValue(), "PyKMIP client failed:\n" + stdout + Files.readString(err));
        Map<String, Map<String, String>> steps = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            Map<String, String> fields = new HashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2).trim());
            }
            if (fields.containsKey("step")) {
                steps.merge(fields.get("step"), fields, (a, b) -> {
                    Map<String, String> both = new HashMap<>(a);
                    b.forEach((k, v) -> both.put(k + (a.containsKey(k) ? "#2" : ""), v));
                    return both;
                });
            }
        }
        assertTrue(steps.containsKey("done"), "the script did not finish:\n" + stdout + Files.readString(err));
        return steps;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "1.4", "2.0"})
    void pykmipClient_fullLifecycleAndCrypto_agreesWithTheServerAndSunJce(String version) throws Exception {
        ProtocolVersion v = ProtocolVersion.parse(version);
        String name = "pykmip-" + version;
        Map<String, Map<String, String>> s = runScript(version, name);

        assertEquals("TLSv1.2", s.get("tls").get("protocol"));
        String uid = s.get("create").get("uid");
        assertNotNull(uid);
        assertEquals(uid, s.get("activate").get("uid"));
        assertEquals(uid, s.get("locate").get("uids"));
        assertEquals("AES", s.get("get").get("algorithm"));
        assertEquals("256", s.get("get").get("length"));
        Map<String, String> attrs = s.get("get_attributes");
        assertEquals("ACTIVE", attrs.get("state"));
        assertEquals("AES", attrs.get("algorithm"));
        assertEquals("256", attrs.get("length"));
        assertEquals(name, attrs.get("name"));

        byte[] key = hex(s.get("get").get("key"));
        try (TestClient c = TestClient.connect(server, combinedPem)) {
            assertEquals(State.DESTROYED, Kmip.state(c, v, uid), "PyKMIP's revoke and destroy took effect");
        }
        SecretKeySpec aes = new SecretKeySpec(key, "AES"); // the key PyKMIP fetched decrypts what the server encrypted
        Cipher cbc = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cbc.init(Cipher.DECRYPT_MODE, aes, new IvParameterSpec(hex(s.get("cbc").get("iv"))));
        assertEquals("PyKMIP and kmip-jca agree on AES-CBC",
                new String(cbc.doFinal(hex(s.get("cbc").get("ciphertext"))), StandardCharsets.US_ASCII));
        assertEquals("true", s.get("cbc").get("roundtrip"));

        Map<String, String> gcm = s.get("gcm");
        if (v.isBefore(ProtocolVersion.V1_4)) {
            assertEquals("INVALID_FIELD", gcm.get("reason"), gcm.toString());
        } else {
            assertEquals("true", gcm.get("roundtrip"));
            assertEquals("CRYPTOGRAPHIC_FAILURE", s.get("gcm_bad_tag").get("reason"));
            Cipher g = Cipher.getInstance("AES/GCM/NoPadding");
            g.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, hex(gcm.get("iv"))));
            g.updateAAD(hex(gcm.get("aad")));
            byte[] ct = hex(gcm.get("ciphertext"));
            byte[] tag = hex(gcm.get("tag"));
            byte[] joined = java.util.Arrays.copyOf(ct, ct.length + tag.length);
            System.arraycopy(tag, 0, joined, ct.length, tag.length);
            assertEquals("PyKMIP and kmip-jca agree on AES-GCM", new String(g.doFinal(joined), StandardCharsets.US_ASCII));
        }
        assertEquals(uid, s.get("revoke").get("uid"));
        assertEquals(uid, s.get("destroy").get("uid"));
        assertEquals(v.isKmip2() ? "OBJECT_DESTROYED" : "ITEM_NOT_FOUND", s.get("get_destroyed").get("reason"));
        assertFalse(key.length == 0);
    }

    @Test
    void pykmipEraCipherSuites_negotiateAnEcdheRsaCbcSuite() throws Exception {
        Map<String, Map<String, String>> s = runScript("1.4", "pykmip-suites", "pykmip");
        assertEquals("TLSv1.2", s.get("tls").get("protocol"));
        String cipher = s.get("tls").get("cipher");
        assertTrue(cipher.equals("ECDHE-RSA-AES256-SHA384") || cipher.equals("ECDHE-RSA-AES128-SHA256"), cipher);
        assertEquals("true", s.get("cbc").get("roundtrip"));
        assertEquals("true", s.get("gcm").get("roundtrip"));
    }
}
