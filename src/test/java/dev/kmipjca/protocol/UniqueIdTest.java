package dev.kmipjca.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polymorphic KMIP 2.x Unique Identifier: Text String, Enumeration placeholder or Integer index. */
class UniqueIdTest {

    @Test
    void placeholderAndIndex_in2_x_encodeAsEnumerationAndInteger_andDecodeByItemType() throws Exception {
        RequestMessage m = RequestMessage.batch(ProtocolVersion.V2_0, List.of(
                Create.Request.symmetricKey(CryptographicAlgorithm.AES, 256, 0x3C, null),
                new Activate.Request(UniqueId.placeholder(UniqueIdentifierPlaceholder.ID_PLACEHOLDER)),
                new Get.Request(UniqueId.index(-2), null, null, null, null)));
        Ttlv wire = Messages.encodeRequest(m);
        List<Ttlv> items = wire.children(Tag.BATCH_ITEM);
        assertEquals(Ttlv.enumeration(Tag.UNIQUE_IDENTIFIER, 1), items.get(1).child(Tag.REQUEST_PAYLOAD).child(Tag.UNIQUE_IDENTIFIER));
        assertEquals(Ttlv.integer(Tag.UNIQUE_IDENTIFIER, -2), items.get(2).child(Tag.REQUEST_PAYLOAD).child(Tag.UNIQUE_IDENTIFIER));
        RequestMessage back = Messages.decodeRequest(wire);
        assertEquals(m, back);
        assertEquals(UniqueIdentifierPlaceholder.ID_PLACEHOLDER,
                ((Activate.Request) back.batchItems().get(1).payload()).uniqueIdentifier().placeholder());
    }

    @Test
    void placeholder_in1_x_cannotBeEncoded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Messages.encodeRequestPayload(
                new Activate.Request(UniqueId.placeholder(UniqueIdentifierPlaceholder.CREATE)), ProtocolVersion.V1_4));
        assertTrue(e.getMessage().contains("needs KMIP 2.0"), e.getMessage());
    }

    @Test
    void linkedObjectIdentifier_isPolymorphicToo() throws Exception {
        Link link = new Link(LinkType.REPLACED_OBJECT_LINK, UniqueId.index(0));
        Attributes a = Attributes.of(Attribute.of(AttributeKey.LINK, link));
        assertEquals(a, Messages.decodeAttributes(Messages.encodeAttributes(a)));
    }

    @Test
    void toString_showsTheForm() {
        assertEquals("abc", UniqueId.of("abc").toString());
        assertEquals("placeholder(Create)", UniqueId.placeholder(UniqueIdentifierPlaceholder.CREATE).toString());
        assertEquals("index(3)", UniqueId.index(3).toString());
    }
}
