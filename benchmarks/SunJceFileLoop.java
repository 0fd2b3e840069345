import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline of benchmarks/run-file-bench.sh: a plain SunJCE AES-256-GCM streaming loop with the
 * same shape as the envelope's segmented form (64 KiB segments, one GCM message each, 1 MiB reads,
 * files written through Files.newOutputStream), without any KMIP or envelope code. Run in source-file
 * mode: java benchmarks/SunJceFileLoop.java IN OUT. No warm-up beyond what the loop itself does.
 */
public class SunJceFileLoop {
    public static void main(String[] args) throws Exception {
        byte[] k = new byte[32];
        SecureRandom r = new SecureRandom();
        r.nextBytes(k);
        SecretKeySpec key = new SecretKeySpec(k, "AES");
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
        int seg = 64 << 10;
        byte[] in = new byte[1 << 20];
        byte[] out = new byte[(1 << 20) + 16 * 16];
        byte[] nonce = new byte[12];
        long i = 0;
        try (InputStream src = Files.newInputStream(Path.of(args[0])); OutputStream dst = Files.newOutputStream(Path.of(args[1]))) {
            for (int n; (n = src.readNBytes(in, 0, in.length)) > 0; ) {
                int w = 0;
                for (int off = 0; off < n; off += seg) {
                    nonce[11] = (byte) i;
                    nonce[10] = (byte) (i >> 8);
                    nonce[9] = (byte) (i >> 16);
                    nonce[8] = (byte) (i >> 24);
                    i++;
                    c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                    w += c.doFinal(in, off, Math.min(seg, n - off), out, w);
                }
                dst.write(out, 0, w);
            }
        }
    }
}
