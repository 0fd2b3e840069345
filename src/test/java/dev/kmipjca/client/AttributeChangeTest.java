package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kmipjca.protocol.AddAttribute;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.KmipResultException;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.Name;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.SetAttribute;
import dev.kmipjca.protocol.UniqueId;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attribute changes take the form of the negotiated version. */
class AttributeChangeTest {
    private static final Attribute OLD_NAME = Attribute.of(AttributeKey.NAME, Name.of("old"));
    private static final Attribute NEW_NAME = Attribute.of(AttributeKey.NAME, Name.of("new"));

    @TempDir
    Path dir;

    private static RequestPayload sent(Harness h) {
        return h.server.lastRequest().batchItems().get(0).payload();
    }

    @Test
    void modifyAttribute_in1x_sendsTheNewValueAtTheIndexOfTheCurrentOne() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.modifyAttribute("3", OLD_NAME.withIndex(1), NEW_NAME);

            ModifyAttribute.Request r = (ModifyAttribute.Request) sent(h);
            assertEquals("3", r.uniqueIdentifier().toString());
            assertNull(r.currentAttribute());
            assertEquals(NEW_NAME.withIndex(1), r.attribute());
        }
    }

    @Test
    void modifyAttribute_in2x_sendsCurrentAndNewAttributeWithoutIndex() throws Exception {
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.client.modifyAttribute("3", OLD_NAME.withIndex(1), NEW_NAME.withIndex(1));

            ModifyAttribute.Request r = (ModifyAttribute.Request) sent(h);
            assertEquals(OLD_NAME, r.currentAttribute());
            assertEquals(NEW_NAME, r.attribute());
        }
    }

    @Test
    void setAttribute_is2xSetAttribute_and1xModifyAttribute() throws Exception {
        Attribute sensitive = Attribute.of(AttributeKey.SENSITIVE, true);
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.client.setAttribute("3", sensitive);
            assertEquals(new SetAttribute.Request(UniqueId.of("3"), sensitive), sent(h));
        }
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.setAttribute("3", sensitive);
            assertEquals(new ModifyAttribute.Request(UniqueId.of("3"), null, sensitive), sent(h));
        }
    }

    @Test
    void deleteAttributeByName_is1xAttributeName_and2xAttributeReference() throws Exception {
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.deleteAttribute("3", "Object Group");
            DeleteAttribute.Request r = (DeleteAttribute.Request) sent(h);
            assertEquals("Object Group", r.attributeName());
            assertNull(r.attributeIndex());
            assertNull(r.attributeReference());
        }
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.client.deleteAttribute("3", "Object Group");
            DeleteAttribute.Request r = (DeleteAttribute.Request) sent(h);
            assertNull(r.attributeName());
            assertEquals("Object Group", r.attributeReference());
        }
    }

    @Test
    void deleteAttributeInstance_is1xNameAndIndex_and2xCurrentAttribute() throws Exception {
        Attribute group = Attribute.of(AttributeKey.OBJECT_GROUP, "g2").withIndex(2);
        try (Harness h = Harness.pinned(dir, "1.4")) {
            h.client.deleteAttribute("3", group);
            DeleteAttribute.Request r = (DeleteAttribute.Request) sent(h);
            assertEquals("Object Group", r.attributeName());
            assertEquals(2, r.attributeIndex());
        }
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.client.deleteAttribute("3", group);
            DeleteAttribute.Request r = (DeleteAttribute.Request) sent(h);
            assertEquals(group.withIndex(null), r.currentAttribute());
        }
    }

    @Test
    void addAttribute_in2x_dropsTheIndex() throws Exception {
        Attribute group = Attribute.of(AttributeKey.OBJECT_GROUP, "g").withIndex(0);
        try (Harness h = Harness.pinned(dir, "2.0")) {
            try {
                h.client.addAttribute("3", group);
            } catch (KmipResultException.OperationNotSupported expected) {
                // the fake does not serve it; the request is what this test checks
            }
            assertEquals(group.withIndex(null), ((AddAttribute.Request) sent(h)).attribute());
        }
    }
}
