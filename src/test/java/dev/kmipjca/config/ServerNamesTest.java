package dev.kmipjca.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kmip.example.com|kmip.example.com|5696|false|kmip.example.com:5696",
        "kmip.example.com:7000|kmip.example.com|7000|false|kmip.example.com:7000",
        "localhost|localhost|5696|false|localhost:5696",
        "10.1.2.3|10.1.2.3|5696|true|10.1.2.3:5696",
        "10.1.2.3:7000|10.1.2.3|7000|true|10.1.2.3:7000",
        "::1|::1|5696|true|[::1]:5696",
        "[::1]|::1|5696|true|[::1]:5696",
        "[::1]:7000|::1|7000|true|[::1]:7000",
        "2001:db8::5|2001:db8::5|5696|true|[2001:db8::5]:5696",
        "[2001:DB8:0:0:0:0:0:5]:1|2001:DB8:0:0:0:0:0:5|1|true|[2001:DB8:0:0:0:0:0:5]:1",
        "::ffff:10.0.0.1|::ffff:10.0.0.1|5696|true|[::ffff:10.0.0.1]:5696",
        "a-b.c1|a-b.c1|5696|false|a-b.c1:5696",
    })
    void entry_isParsed(String entry, String host, int port, boolean ip, String shown) {
        ServerAddress a = ServerAddress.parse(entry, 5696);
        assertEquals(host, a.host());
        assertEquals(port, a.port());
        assertEquals(ip, a.isIpLiteral());
        assertEquals(shown, a.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "256.1.1.1|entry '256.1.1.1' is not a valid IPv4 address (four numbers 0-255 without leading zeros)",
        "1.2.3|entry '1.2.3' is not a valid IPv4 address (four numbers 0-255 without leading zeros)",
        "01.2.3.4|entry '01.2.3.4' is not a valid IPv4 address (four numbers 0-255 without leading zeros)",
        "bad_host|host name 'bad_host' in entry 'bad_host' may contain only letters, digits, hyphens and dots",
        "-a.example|host name '-a.example' in entry '-a.example' has a label that starts or ends with a hyphen",
        "a..example|host name 'a..example' in entry 'a..example' has an empty label or one longer than 63 characters",
        "host:0|entry 'host:0': port '0' must be a number from 1 to 65535",
        "host:http|entry 'host:http': port 'http' must be a number from 1 to 65535",
        ":5696|host name '' in entry ':5696' has no host",
        "[::1|entry '[::1' has '[' without ']'",
        "[::1]x|entry '[::1]x': only ':port' may follow ']'",
        "1::2::3|entry '1::2::3' is not a valid IPv6 address",
        "fe80::1%eth0|entry 'fe80::1%eth0' is not a valid IPv6 address (zone ids are not supported); an IPv6 address with a port needs brackets: [addr]:port",
        "[kmip.example.com]|entry '[kmip.example.com]' is not a valid IPv6 address",
    })
    void badEntry_isRefusedSayingWhy(String entry, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(entry, 5696));
        assertEquals(message, e.getMessage());
    }

    @Test
    void list_keepsOrderAndUsesKmipPortForEntriesWithoutOne() throws Exception {
        KmipSettings s = KmipSettings.fromMap(Map.of("kmip.serverName", " b.example , ::1,[::2]:9,10.0.0.1:8 ",
                "kmip.port", "6000"), Path.of("/"));
        assertEquals("[b.example:6000, [::1]:6000, [::2]:9, 10.0.0.1:8]", s.servers().toString());
    }

    @Test
    void list_withDuplicateOrEmptyEntry_isRefused() {
        KmipSettingsException e = assertThrows(KmipSettingsException.class,
                () -> KmipSettings.builder().serverName("a.example,A.EXAMPLE:5696, ,x_y").build());
        assertEquals(java.util.List.of(
                "kmip.serverName=a.example,A.EXAMPLE:5696, ,x_y: server A.EXAMPLE:5696 is listed twice",
                "kmip.serverName=a.example,A.EXAMPLE:5696, ,x_y: empty entry in the comma-separated list",
                "kmip.serverName=a.example,A.EXAMPLE:5696, ,x_y: host name 'x_y' in entry 'x_y' may contain only"
                        + " letters, digits, hyphens and dots"), e.problems());
    }

    @Test
    void equality_ignoresHostCase() {
        assertEquals(ServerAddress.parse("A.example", 1), ServerAddress.parse("a.EXAMPLE:1", 9));
        assertFalse(ServerAddress.parse("a.example", 1).equals(ServerAddress.parse("a.example", 2)));
        assertTrue(ServerAddress.parse("[::1]", 1).isIpLiteral());
    }
}
