package dev.kmipjca.envelope;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

/**
 * The platform guard of the tests that need ACCP. The test class path carries ACCP's build for the
 * machine's architecture (pom.xml: linux-x86_64, or linux-aarch_64 under the {@code accp-aarch64}
 * profile), which loads on Linux only. On linux-x86_64, where this project is built and its jar ships
 * ACCP, an unusable ACCP is a failure (on CI too); anywhere else the ACCP tests are skipped, saying why,
 * when ACCP does not load, and run when it does.
 */
final class AccpPlatform {
    private AccpPlatform() {
    }

    static boolean linuxX8664() {
        return linuxX8664(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static boolean linuxX8664(String osName, String osArch) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux") && (osArch.equals("amd64") || osArch.equals("x86_64"));
    }

    /** Skips the calling test (or class, from a {@code @BeforeAll}) when ACCP is unusable here and not required. */
    static void assumeAccpUsableUnlessRequired() {
        String why = skipReason(Accp.status(), System.getProperty("os.name"), System.getProperty("os.arch"));
        assumeTrue(why == null, why);
    }

    /** Why the ACCP tests are skipped on {@code osName}/{@code osArch} with {@code accp}; null when they run. */
    static String skipReason(AccpStatus accp, String osName, String osArch) {
        if (accp.usable() || linuxX8664(osName, osArch)) {
            return null;
        }
        return "ACCP is not usable on " + osName + "/" + osArch + " (" + accp.problem() + "): tests that need it are"
                + " skipped here; on linux-x86_64 they run and an unusable ACCP fails them";
    }
}
