package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.LOCATED_ITEMS;
import static dev.kmipjca.ttlv.Tag.MAXIMUM_ITEMS;
import static dev.kmipjca.ttlv.Tag.OBJECT_GROUP_MEMBER;
import static dev.kmipjca.ttlv.Tag.OFFSET_ITEMS;
import static dev.kmipjca.ttlv.Tag.STORAGE_STATUS_MASK;
import static dev.kmipjca.ttlv.Tag.UNIQUE_IDENTIFIER;

import dev.kmipjca.ttlv.Ttlv;
import java.util.List;

/**
 * Locate: find objects whose attributes match every filter attribute. The filter is bare Attribute
 * fields in 1.x and one Attributes structure in 2.x. Page with Maximum Items and Offset Items (1.3);
 * Located Items (1.3) is the total number of matches.
 */
public final class Locate {
    private Locate() {}

    public record Request(
            @TtlvField(MAXIMUM_ITEMS) Integer maximumItems,
            @TtlvField(value = OFFSET_ITEMS, since = "1.3") Integer offsetItems,
            @TtlvField(STORAGE_STATUS_MASK) Integer storageStatusMask,
            @TtlvField(value = OBJECT_GROUP_MEMBER, since = "1.1") ObjectGroupMember objectGroupMember,
            @TtlvField(value = ATTRIBUTE, v2 = ATTRIBUTES, required = true) Attributes filter) implements RequestPayload {

        public Request {
            filter = Attributes.orEmpty(filter);
        }

        public static Request of(Attributes filter) {
            return new Request(null, null, null, null, filter);
        }
    }

    public record Response(
            @TtlvField(value = LOCATED_ITEMS, since = "1.3") Integer locatedItems,
            @TtlvField(UNIQUE_IDENTIFIER) List<UniqueId> uniqueIdentifiers,
            @TtlvField.Extensions List<Ttlv> extensions) implements ResponsePayload {

        public Response {
            extensions = Lists.copy(extensions);
            uniqueIdentifiers = Lists.copy(uniqueIdentifiers);
        }

        /** Without extensions. */
        public Response(Integer locatedItems, List<UniqueId> uniqueIdentifiers) {
            this(locatedItems, uniqueIdentifiers, List.of());
        }
    }
}
