package dev.kmipjca.ttlv;

import java.util.Locale;
import java.util.Set;

/**
 * Prints a TTLV tree one item per line, indented by depth, with tag names, types and enumeration
 * names:
 *
 * <pre>
 * Request Message (0x420078) Structure
 *   Request Header (0x420077) Structure
 *     Batch Count (0x42000D) Integer = 1
 *   ...
 *       Key Material (0x420043) Byte String = &lt;redacted, 32 bytes&gt;
 * </pre>
 *
 * Secrets are never printed: key material (everything under Key Value), private key components,
 * passwords, tickets, opaque objects' data, and the Data of Encrypt and Decrypt, which is plaintext in
 * one direction or the other.
 */
public final class TtlvPrinter {
    private TtlvPrinter() {}

    /** Tags whose value is always redacted, whatever its type. */
    private static final Set<Integer> SECRET = Set.of(
            Tag.KEY_MATERIAL, Tag.KEY, Tag.PASSWORD, Tag.DATA, Tag.PRIVATE_EXPONENT, Tag.PRIME_EXPONENT_P,
            Tag.PRIME_EXPONENT_Q, Tag.CRT_COEFFICIENT, Tag.P, Tag.Q, Tag.X, Tag.D, Tag.J, Tag.SERVER_HASHED_PASSWORD,
            Tag.ONE_TIME_PASSWORD, Tag.HASHED_PASSWORD, Tag.DERIVATION_DATA, Tag.SALT, Tag.OPAQUE_DATA_VALUE,
            Tag.TICKET_VALUE);

    /** Structures whose every primitive descendant is redacted. */
    private static final Set<Integer> SECRET_SUBTREE = Set.of(Tag.KEY_VALUE, Tag.CREDENTIAL_VALUE);

    public static String print(Ttlv item) {
        StringBuilder sb = new StringBuilder();
        print(item, 0, false, sb);
        return sb.substring(0, sb.length() - 1);
    }

    private static void print(Ttlv item, int depth, boolean insideSecret, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(TagNames.label(item.tag()))
                .append(' ').append(item.type().displayName());
        boolean secret = insideSecret || SECRET_SUBTREE.contains(item.tag());
        if (item.isStructure()) {
            sb.append('\n');
            for (Ttlv c : item.children()) {
                print(c, depth + 1, secret, sb);
            }
            return;
        }
        sb.append(" = ");
        if (secret || SECRET.contains(item.tag())) {
            sb.append("<redacted, ").append(item.valueLength()).append(" bytes>\n");
            return;
        }
        switch (item.type()) {
            case INTEGER:
                sb.append(item.asInt()).append(hex(item.asInt() & 0xFFFFFFFFL));
                break;
            case LONG_INTEGER:
                sb.append(item.asLong());
                break;
            case BIG_INTEGER:
                sb.append(item.asBigInteger());
                break;
            case ENUMERATION: {
                String name = TagNames.enumName(item.tag(), item.asEnum());
                String value = String.format(Locale.ROOT, "0x%08X", item.asEnum());
                sb.append(name == null ? value : name + " (" + value + ")");
                break;
            }
            case BOOLEAN:
                sb.append(item.asBoolean());
                break;
            case TEXT_STRING:
                sb.append('"').append(item.asText().replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", "\\n")).append('"');
                break;
            case BYTE_STRING: {
                byte[] b = item.asBytes();
                for (byte x : b) {
                    sb.append(String.format(Locale.ROOT, "%02X", x & 0xFF));
                }
                if (b.length == 0) {
                    sb.append("(empty)");
                }
                break;
            }
            case DATE_TIME:
            case DATE_TIME_EXTENDED:
                sb.append(item.asInstant());
                break;
            case INTERVAL:
                sb.append(item.asInterval()).append(" s");
                break;
            default:
                throw new AssertionError(item.type());
        }
        sb.append('\n');
    }

    private static String hex(long v) {
        return v > 9 ? String.format(Locale.ROOT, " (0x%X)", v) : "";
    }
}
