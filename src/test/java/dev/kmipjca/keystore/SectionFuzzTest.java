package dev.kmipjca.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lazy reader of version 2 does not look at every byte of the protected section; the authenticator does.
 * Mutated files (bytes changed, inserted, removed, lines swapped or cut, in the section of a version 2 and
 * of a version 1 file, up to the end marker) must each be refused with a {@link KeystoreException}, by
 * {@code parse}, {@code parseStarted} or {@code open}: nothing else may escape (no other exception, no
 * hang). A version 2 file never opens once a byte is altered. A version 1 file may open only when the
 * values are unchanged (version 1 authenticates values, not their layout: a removed indentation space,
 * say), and it then holds exactly the original entries. The input number and what was done are in the
 * message.
 * Seed: {@code -Dfuzz.seed}; count: {@code -Dfuzz.keystoreInputs} (default 1500).
 */
class SectionFuzzTest {
    private static final long SEED = Long.decode(System.getProperty("fuzz.seed", "0x4B4D4950"));
    private static final int INPUTS = Integer.getInteger("fuzz.keystoreInputs", 1500);
    private static InMemoryKeyWrapService wrap;
    private static byte[] version2;
    private static byte[] version1;
    /** The version 1 fixture opened and written back: what an equivalent version 1 file gives. */
    private static byte[] version1Written;

    @BeforeAll
    static void files() throws Exception {
        wrap = InMemoryKeyWrapService.withFixtureKeys();
        wrap.createMasterKey("mk");
        try (KeystoreContents ks = KeystoreContents.create(KeystoreFile.parse(TestEntries.settingsBytes()), "mk", wrap)) {
            for (int i = 0; i < 12; i++) {
                ks.put("key-" + i, new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16 + i], "AES")),
                        Instant.ofEpochMilli(1_700_000_000_000L + i));
            }
            ks.put("a".repeat(70), new ServerKeyEntry("uid-1", "AES", 256));
            ks.put("ünï", TestEntries.trustedEntry());
            version2 = ks.serialize();
        }
        version1 = SectionReaderTest.version1("\n");
        try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parse(version1.clone()), wrap)) {
            version1Written = ks.serialize();
        }
    }

    @Test
    void mutatedSections_areRefused_neverOpened() {
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int input = 0; input < INPUTS; input++) {
            SplittableRandom r = seeds.split();
            byte[] original = input % 4 == 3 ? version1 : version2;
            int begin = SectionReader.findBegin(original).offset();
            StringBuilder what = new StringBuilder(original == version1 ? "v1: " : "v2: ");
            byte[] mutated = mutate(original, begin, r, what);
            if (Arrays.equals(mutated, original)) {
                continue;
            }
            check(input, what.toString(), mutated, original == version1);
        }
    }

    private static void check(int input, String what, byte[] mutated, boolean v1) {
        for (boolean started : new boolean[] {false, true}) {
            try {
                KeystoreFile f = started ? KeystoreFile.parseStarted(mutated.clone()) : KeystoreFile.parse(mutated.clone());
                try (KeystoreContents ks = KeystoreContents.open(f, wrap)) {
                    List<String> aliases = ks.aliases();
                    for (String alias : aliases) {
                        ks.get(alias);
                    }
                    if (v1 && Arrays.equals(version1Written, ks.serialize())) {
                        continue; // the same values in another layout
                    }
                    fail("input " + input + " (" + what + ", " + (started ? "parseStarted" : "parse") + ") opened with "
                            + aliases.size() + " entries: " + HexFormat.of().formatHex(mutated, 0,
                            Math.min(mutated.length, 64)) + "...");
                }
            } catch (KeystoreException expected) {
                // refused, with its reason
            } catch (RuntimeException | Error e) {
                throw new AssertionError("input " + input + " (" + what + ", " + (started ? "parseStarted" : "parse")
                        + "): " + e, e);
            }
        }
    }

    /**
     * One to three changes inside the section: after its begin marker line, before the end of the end marker
     * (the white space after it is not part of the section).
     */
    private static byte[] mutate(byte[] in, int begin, SplittableRandom r, StringBuilder what) {
        byte[] b = in.clone();
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes; c++) {
            int firstLineEnd = begin;
            while (b[firstLineEnd] != '\n') {
                firstLineEnd++;
            }
            int from = firstLineEnd + 1;
            int limit = new String(b, StandardCharsets.ISO_8859_1).lastIndexOf(Format.END);
            limit = limit < 0 ? b.length : limit + Format.END.length();
            if (from >= limit) {
                break;
            }
            int at = from + r.nextInt(limit - from);
            switch (r.nextInt(7)) {
                case 0 -> {
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    what.append("bit flip at ").append(at).append("; ");
                }
                case 1 -> {
                    byte[] chars = "AZaz09+/=\\ \n\r#.:".getBytes(StandardCharsets.US_ASCII);
                    b[at] = chars[r.nextInt(chars.length)];
                    what.append("byte set at ").append(at).append("; ");
                }
                case 2 -> {
                    b = remove(b, at, 1 + r.nextInt(Math.min(8, b.length - at)));
                    what.append("bytes removed at ").append(at).append("; ");
                }
                case 3 -> {
                    byte[] ins = "AAAA".getBytes(StandardCharsets.US_ASCII);
                    b = insert(b, at, Arrays.copyOf(ins, 1 + r.nextInt(4)));
                    what.append("bytes inserted at ").append(at).append("; ");
                }
                case 4 -> {
                    b = Arrays.copyOf(b, at);
                    what.append("cut at ").append(at).append("; ");
                }
                case 5 -> {
                    int lineStart = lineStart(b, at, from);
                    int lineEnd = lineEnd(b, at);
                    b = remove(b, lineStart, Math.min(b.length, lineEnd + 1) - lineStart);
                    what.append("line removed at ").append(lineStart).append("; ");
                }
                default -> {
                    int aStart = lineStart(b, at, from);
                    int aEnd = Math.min(b.length, lineEnd(b, at) + 1);
                    if (aEnd >= b.length) {
                        break;
                    }
                    int bEnd = Math.min(b.length, lineEnd(b, aEnd) + 1);
                    byte[] first = Arrays.copyOfRange(b, aStart, aEnd);
                    byte[] second = Arrays.copyOfRange(b, aEnd, bEnd);
                    System.arraycopy(second, 0, b, aStart, second.length);
                    System.arraycopy(first, 0, b, aStart + second.length, first.length);
                    what.append("lines swapped at ").append(aStart).append("; ");
                }
            }
            if (b.length <= from) {
                break;
            }
        }
        return b;
    }

    private static int lineStart(byte[] b, int at, int min) {
        int i = Math.min(at, b.length - 1);
        while (i > min && b[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static int lineEnd(byte[] b, int at) {
        int i = at;
        while (i < b.length && b[i] != '\n') {
            i++;
        }
        return Math.min(i, b.length - 1);
    }

    private static byte[] remove(byte[] b, int at, int n) {
        byte[] out = new byte[b.length - n];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + n, out, at, b.length - at - n);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] ins) {
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }

    @Test
    void unmutatedFiles_open() throws Exception {
        for (byte[] file : new byte[][] {version1, version2}) {
            try (KeystoreContents ks = KeystoreContents.open(KeystoreFile.parseStarted(file.clone()), wrap)) {
                assertEquals(file == version1 ? 4 : 14, ks.size());
            }
        }
    }
}
