package dev.kmipjca.cli;

import static dev.kmipjca.cli.DemoContext.check;
import static dev.kmipjca.cli.DemoContext.contains;

import dev.kmipjca.client.ObjectSpec;
import dev.kmipjca.config.KmipSettings;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.State;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import dev.kmipjca.transport.KmipTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo's story, step by step: a KMIP server, a client, a master key on the server, a data key
 * wrapped by it, a message encrypted locally, envelope encryption, and a keystore's rotation
 * ({@link DemoRotation}). Add steps to {@link #story()}.
 */
final class DemoSteps {
    static final String WRAPPED_KEY_FILE = "data-key.wrapped";
    static final String MESSAGE_FILE = "message.enc";
    static final String MESSAGE = "Master keys stay on the KMIP server; data is encrypted here.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoSteps() {}

    /** The steps, in order. */
    static List<Demo.Step> story() {
        return List.of(new Demo.Step("start the server", DemoSteps::startServer),
                new Demo.Step("connect", DemoSteps::connect),
                new Demo.Step("create the master key", DemoSteps::createMasterKey),
                new Demo.Step("wrap a data key", DemoSteps::wrapDataKey),
                new Demo.Step("encrypt a message", DemoSteps::encryptMessage),
                new Demo.Step("decrypt the message", DemoSteps::decryptMessage),
                new Demo.Step("envelope encryption", DemoSteps::envelope),
                new Demo.Step("rotate a keystore's master key", DemoRotation::rotate),
                new Demo.Step("re-wrap an old envelope", DemoRotation::rewrap));
    }

    /** What always runs last. */
    static List<Demo.Step> closing() {
        return List.of(new Demo.Step("stop and clean up", DemoSteps::stop));
    }

    static String startServer(DemoContext c) throws Exception {
        c.server = DevServer.start(DevServerConfig.builder().dir(c.file("server")).host("127.0.0.1").port(0).build());
        return "Development KMIP server started on 127.0.0.1:" + c.server.port()
                + " (TLS 1.3/1.2, client certificates required; throwaway CA).";
    }

    static String connect(DemoContext c) throws Exception {
        KmipSettings settings = KmipSettings.load(c.server.clientKeystore());
        c.transport = KmipTransport.open(settings, null);
        c.client = dev.kmipjca.client.KmipClient.over(c.transport, settings);
        String tls = c.transport.executeOn(settings.servers().get(0), true, k -> k.tlsProtocol() + " (" + k.cipherSuite() + ")");
        ProtocolVersion v = c.client.protocolVersion();
        check(v.equals(ProtocolVersion.V2_1), "KMIP 2.1 negotiated with the development server, got " + v);
        return "Client connected with the generated client.kmip over " + tls + "; KMIP " + v + " negotiated.";
    }

    static String createMasterKey(DemoContext c) throws Exception {
        c.masterKeyId = c.client.create(CryptographicAlgorithm.AES, 256,
                ObjectSpec.of("demo-master-key", KeysCreate.MASTER_KEY_USAGE));
        c.client.activate(c.masterKeyId);
        State s = c.client.getAttributes(c.masterKeyId, "State").get(AttributeKey.STATE);
        check(State.ACTIVE.equals(s), "the master key is Active, got " + s);
        return "Master key created on the server and activated: AES-256, id " + c.masterKeyId + ".";
    }

    static String wrapDataKey(DemoContext c) throws Exception {
        KeyGenerator g = KeyGenerator.getInstance("AES", "SunJCE");
        g.init(256, RANDOM);
        c.dataKey = g.generateKey().getEncoded();
        byte[] wrapped = DemoWrapping.wrap(c.client, c.masterKeyId, c.dataKey);
        Files.write(c.file(WRAPPED_KEY_FILE), wrapped);
        check(!contains(Files.readAllBytes(c.file(WRAPPED_KEY_FILE)), c.dataKey), "the stored form hides the data key");
        return "256-bit data key generated locally, wrapped ON THE SERVER (KMIP Encrypt, AES-GCM); only the"
                + " wrapped form is stored: " + WRAPPED_KEY_FILE + ", " + wrapped.length + " bytes.";
    }

    static String encryptMessage(DemoContext c) throws Exception {
        c.message = MESSAGE.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(c.dataKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = gcm.doFinal(c.message);
        byte[] file = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, file, 0, nonce.length);
        System.arraycopy(sealed, 0, file, nonce.length, sealed.length);
        Files.write(c.file(MESSAGE_FILE), file);
        c.eraseDataKey();
        check(!contains(Files.readAllBytes(c.file(MESSAGE_FILE)), c.message), "the message file holds no plaintext");
        return "Message (" + c.message.length + " bytes) encrypted locally with AES-256-GCM (SunJCE) under the data"
                + " key: " + MESSAGE_FILE + ", " + file.length + " bytes; the data key was erased from memory.";
    }

    static String decryptMessage(DemoContext c) throws Exception {
        byte[] text = decryptWith(c, c.masterKeyId);
        check(Arrays.equals(text, c.message), "the decrypted message equals the original");
        return "Data key unwrapped through the server (KMIP Decrypt), message decrypted locally: \""
                + new String(text, StandardCharsets.UTF_8) + "\"";
    }

    /** Unwraps the stored data key with {@code masterKeyId} on the server and decrypts the message file. */
    static byte[] decryptWith(DemoContext c, String masterKeyId) throws Exception {
        byte[] dataKey = DemoWrapping.unwrap(c.client, masterKeyId, Files.readAllBytes(c.file(WRAPPED_KEY_FILE)));
        try {
            byte[] file = Files.readAllBytes(c.file(MESSAGE_FILE));
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, file, 0, 12));
            return gcm.doFinal(file, 12, file.length - 12);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same story in one call: {@code KmipEnvelopes} (data keys generated, wrapped and cached for you). */
    static String envelope(DemoContext c) throws Exception {
        dev.kmipjca.envelope.Envelope e = dev.kmipjca.KmipEnvelopes.of(c.client, c.masterKeyId);
        byte[] aad = DemoRotation.AAD;
        long before = c.client.roundTrips();
        byte[] big = new byte[1 << 20];
        RANDOM.nextBytes(big);
        java.io.ByteArrayOutputStream sealed = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream out = e.encryptingStream(sealed, aad)) {
            out.write(big);
        }
        for (int i = 0; i < 100; i++) {
            check(Arrays.equals(e.decrypt(e.encrypt(c.message, aad), aad), c.message), "envelope round trip");
        }
        byte[] opened = e.decryptingStream(new java.io.ByteArrayInputStream(sealed.toByteArray()), aad).readAllBytes();
        check(Arrays.equals(opened, big), "the streamed envelope decrypts");
        long trips = c.client.roundTrips() - before;
        check(trips <= 1, "one data key serves every message: " + trips + " round trips");
        Files.write(c.file(DemoRotation.ENVELOPE_FILE), e.encrypt(c.message, aad)); // for the rotation steps
        return "KmipEnvelopes: 1 MiB streamed and 100 messages sealed and opened (envelope format, master key named"
                + " in the header) with " + trips + " KMIP round trip (the data key's wrap); bulk AES-256-GCM by "
                + e.bulkProvider().description() + ".";
    }

    static String stop(DemoContext c) throws Exception {
        c.stop();
        if (c.keep) {
            return "Server stopped; files kept in " + c.dir + " (server/client.kmip, server/" + DemoRotation.KEYSTORE_FILE + ", "
                    + WRAPPED_KEY_FILE + ", " + MESSAGE_FILE + ", " + DemoRotation.ENVELOPE_FILE + ").";
        }
        c.delete();
        check(!Files.exists(c.dir), "the temporary directory is gone");
        return "Server stopped and its temporary files removed.";
    }
}
