package dev.kmipjca.client;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.AddAttribute;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.SetAttribute;
import dev.kmipjca.protocol.UniqueId;

/**
 * The Unique Identifier of the object a request acts on and of the object its response names, for
 * the operations whose response must name the same object (Re-key, Create and Register answer with a
 * new identifier and are not listed). Null when the payload has none or is of another operation.
 */
final class Uids {
    private Uids() {}

    static UniqueId of(Object p) {
        if (p instanceof Get.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Get.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof GetAttributes.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof GetAttributes.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof GetAttributeList.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof GetAttributeList.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Activate.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Activate.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Revoke.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Revoke.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Destroy.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Destroy.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Encrypt.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Encrypt.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Decrypt.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof Decrypt.Response r) {
            return r.uniqueIdentifier();
        }
        return attributeChange(p);
    }

    private static UniqueId attributeChange(Object p) {
        if (p instanceof AddAttribute.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof AddAttribute.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof ModifyAttribute.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof ModifyAttribute.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof DeleteAttribute.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof DeleteAttribute.Response r) {
            return r.uniqueIdentifier();
        } else if (p instanceof SetAttribute.Request r) {
            return r.uniqueIdentifier();
        } else if (p instanceof SetAttribute.Response r) {
            return r.uniqueIdentifier();
        }
        return null;
    }
}
