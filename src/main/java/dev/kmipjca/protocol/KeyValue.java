package dev.kmipjca.protocol;

import static dev.kmipjca.ttlv.Tag.ATTRIBUTE;
import static dev.kmipjca.ttlv.Tag.ATTRIBUTES;
import static dev.kmipjca.ttlv.Tag.KEY;
import static dev.kmipjca.ttlv.Tag.KEY_MATERIAL;

import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;

/**
 * A plaintext Key Value (a wrapped one is a Byte String, held in {@link KeyBlock#wrappedKeyValue()}).
 * Key Material is a Byte String for the Raw, Opaque, PKCS#1, PKCS#8 and similar formats
 * ({@link #keyMaterial()}), and a Structure for the Transparent formats, kept as the raw item
 * ({@link #structuredKeyMaterial()}); the decoder tells them apart by item type. The attributes bound
 * to the key are bare Attribute fields in 1.x and an Attributes structure in 2.x.
 */
public record KeyValue(
        @TtlvField(KEY_MATERIAL) Bytes keyMaterial,
        @TtlvField(KEY_MATERIAL) Ttlv structuredKeyMaterial,
        @TtlvField(value = ATTRIBUTE, v2 = ATTRIBUTES) Attributes attributes) {

    public KeyValue {
        if ((keyMaterial == null) == (structuredKeyMaterial == null)) {
            throw new IllegalArgumentException("a Key Value holds exactly one Key Material");
        }
        if (structuredKeyMaterial != null && !structuredKeyMaterial.isStructure()) {
            throw new IllegalArgumentException("structured Key Material must be a Structure");
        }
        attributes = Attributes.orEmpty(attributes);
    }

    /** Key Material as a Byte String (Raw, Opaque, PKCS#8 …), no attributes. */
    public static KeyValue of(Bytes keyMaterial) {
        return new KeyValue(keyMaterial, null, null);
    }

    /** Key Material in the Transparent Symmetric Key form: Structure {Key}. */
    public static KeyValue transparentSymmetricKey(Bytes key) {
        return new KeyValue(null, Ttlv.structure(KEY_MATERIAL, Ttlv.bytes(KEY, key.unsafeArray())), null);
    }

    /**
     * The bytes of a symmetric key in either form: the Byte String, or the Key of a Transparent
     * Symmetric Key. Null when the material is another structure.
     */
    public Bytes symmetricKey() {
        if (keyMaterial != null) {
            return keyMaterial;
        }
        Ttlv key = structuredKeyMaterial.child(Tag.KEY);
        return key != null && key.type() == dev.kmipjca.ttlv.ItemType.BYTE_STRING ? Bytes.wrap(key.asBytes()) : null;
    }

    /** Zeroes the key material held here. */
    public void wipe() {
        if (keyMaterial != null) {
            keyMaterial.wipe();
        } else {
            structuredKeyMaterial.wipe();
        }
    }
}
