package dev.kmipjca.client;

import dev.kmipjca.protocol.AddAttribute;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.BlockCipherMode;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.CryptographicParameters;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.EncodingOption;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.KeyInformation;
import dev.kmipjca.protocol.KeyWrappingSpecification;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.ReKey;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.SetAttribute;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.protocol.WrappingMethod;

/**
 * Request payloads whose form depends on the negotiated version, and the client-side refusals of
 * requests a version cannot express (thrown while the connection is lent, so the transport closes it;
 * they are programming errors, not server failures).
 */
final class Requests {
    /** The identifier probes use; no server should hold an object by this name. */
    static final String PROBE_ID = "kmip-jca-probe-no-such-object";

    private Requests() {}

    static Get.Request wrappedGet(String uid, String wrappingKeyUid, ProtocolVersion v) {
        CryptographicParameters kw = CryptographicParameters.builder().blockCipherMode(BlockCipherMode.NIST_KEY_WRAP).build();
        KeyWrappingSpecification spec = new KeyWrappingSpecification(WrappingMethod.ENCRYPT,
                new KeyInformation(UniqueId.of(wrappingKeyUid), kw), null, null,
                v.isAtLeast(ProtocolVersion.V1_1) ? EncodingOption.NO_ENCODING : null);
        return new Get.Request(UniqueId.of(uid), null, null, null, spec);
    }

    static AddAttribute.Request add(UniqueId uid, Attribute a, ProtocolVersion v) {
        return new AddAttribute.Request(uid, v.isKmip2() ? a.withIndex(null) : a);
    }

    /** 1.x: the new value, at the index of {@code replacement} or else of {@code current}; 2.x: Current and New Attribute. */
    static ModifyAttribute.Request modify(UniqueId uid, Attribute current, Attribute replacement, ProtocolVersion v) {
        if (v.isKmip2()) {
            return new ModifyAttribute.Request(uid, current == null ? null : current.withIndex(null),
                    replacement.withIndex(null));
        }
        Integer index = replacement.index() != null ? replacement.index() : current == null ? null : current.index();
        return new ModifyAttribute.Request(uid, null, replacement.withIndex(index));
    }

    /** 1.x: by name (index 0 unless given); 2.x: every instance, by Attribute Reference. */
    static DeleteAttribute.Request delete(UniqueId uid, String name, ProtocolVersion v) {
        return v.isKmip2() ? DeleteAttribute.Request.v2(uid, name) : DeleteAttribute.Request.v1(uid, name, null);
    }

    /** 1.x: by name and index; 2.x: the instance with this value (Current Attribute). */
    static DeleteAttribute.Request delete(UniqueId uid, Attribute a, ProtocolVersion v) {
        return v.isKmip2() ? new DeleteAttribute.Request(uid, null, null, a.withIndex(null), null)
                : DeleteAttribute.Request.v1(uid, a.name(), a.index());
    }

    /** 2.x: Set Attribute; 1.x has none, so Modify Attribute replaces the existing value. */
    static RequestPayload set(UniqueId uid, Attribute a, ProtocolVersion v) {
        return v.isKmip2() ? new SetAttribute.Request(uid, a.withIndex(null)) : modify(uid, null, a, v);
    }

    /** A harmless request for {@code op} on an object that does not exist. */
    static RequestPayload probe(Operation op, ProtocolVersion v) {
        UniqueId id = UniqueId.of(PROBE_ID);
        Attribute group = Attribute.of(AttributeKey.OBJECT_GROUP, "kmip-jca-probe");
        Bytes block = Bytes.of(new byte[16]);
        if (op.equals(Operation.REKEY)) {
            return new ReKey.Request(id, null, null, null);
        } else if (op.equals(Operation.ADD_ATTRIBUTE)) {
            return add(id, group, v);
        } else if (op.equals(Operation.MODIFY_ATTRIBUTE)) {
            return modify(id, null, group, v);
        } else if (op.equals(Operation.DELETE_ATTRIBUTE)) {
            return delete(id, AttributeKey.OBJECT_GROUP.name(), v);
        } else if (op.equals(Operation.SET_ATTRIBUTE)) {
            return new SetAttribute.Request(id, Attribute.of(AttributeKey.SENSITIVE, false));
        } else if (op.equals(Operation.ENCRYPT)) {
            return Encrypt.Request.of(id, null, block, null, null);
        } else if (op.equals(Operation.DECRYPT)) {
            return Decrypt.Request.of(id, null, block, null, null, null);
        }
        throw new IllegalArgumentException("cannot probe " + op + "; probes exist for Re-key, Add/Modify/Delete/Set"
                + " Attribute, Encrypt and Decrypt");
    }

    /** Encrypt and Decrypt are KMIP 1.2 operations, and AES-GCM needs the AEAD fields of KMIP 1.4. */
    static void requireCipherSupport(Session s, Operation op, CryptographicParameters p) {
        if (s.version().isBefore(ProtocolVersion.V1_2)) {
            throw new UnsupportedOperationException(op + " is a KMIP 1.2 operation; the version negotiated with "
                    + s.server() + " is " + s.version());
        }
        if (p != null && BlockCipherMode.GCM.equals(p.blockCipherMode()) && s.version().isBefore(ProtocolVersion.V1_4)) {
            throw new UnsupportedOperationException("AES-GCM " + op + " needs KMIP 1.4 or later (the Authenticated"
                    + " Encryption Tag and Additional Data fields); the version negotiated with " + s.server() + " is "
                    + s.version());
        }
    }

    /** Offset Items exists from KMIP 1.3. */
    static void requireLocateSupport(Session s, LocateFilter f) {
        if (f.offsetItems() != null && s.version().isBefore(ProtocolVersion.V1_3)) {
            throw new UnsupportedOperationException("Locate with Offset Items needs KMIP 1.3 or later; the version"
                    + " negotiated with " + s.server() + " is " + s.version());
        }
    }
}
