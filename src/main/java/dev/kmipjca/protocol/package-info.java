/**
 * The KMIP vocabulary and messages, for KMIP 1.0 to 2.1, used by both the client (encodes requests,
 * decodes responses) and the development server (decodes requests, encodes responses).
 *
 * <h2>Entry point</h2>
 * {@link dev.kmipjca.protocol.Messages}: {@code encodeRequest(RequestMessage) -> Ttlv},
 * {@code decodeRequest(Ttlv)}, {@code encodeResponse(ResponseMessage)}, {@code decodeResponse(Ttlv)},
 * {@code peekVersion(Ttlv)} and {@code errorResponse(version, reason, message)} for requests that
 * cannot be processed at all; plus payload-, object- and attribute-level encoders. Encoding takes the
 * version from the message header; decoding reads the header's Protocol Version first and decodes the
 * batch items with it. Decoding errors are {@link dev.kmipjca.protocol.KmipProtocolException}s that
 * name the tag and the problem; a failed batch item becomes a
 * {@link dev.kmipjca.protocol.KmipResultException} (subclass per common Result Reason) through
 * {@link dev.kmipjca.protocol.ResponseBatchItem#payload(Class)}.
 *
 * <h2>The model</h2>
 * <ul>
 *   <li>Payloads are records nested in one class per operation: {@code Create.Request},
 *       {@code Create.Response}, {@code Get.Request} … (Discover Versions, Query, Create, Register,
 *       Get, Get Attributes, Get Attribute List, Add/Modify/Delete Attribute, Set Attribute, Locate,
 *       Activate, Revoke, Destroy, Re-key, Encrypt, Decrypt). Other operations travel as
 *       {@link dev.kmipjca.protocol.RawPayload}.</li>
 *   <li>Enumerations are final classes over {@link dev.kmipjca.protocol.KmipEnum} with one constant
 *       per value; {@code of(int)} keeps unknown values (vendor 0x8XXXXXXX, newer specs) as raw
 *       numbers, so decoding never fails on them and re-encoding is exact.</li>
 *   <li>Attributes are {@link dev.kmipjca.protocol.Attribute}s (spec name, 1.x index, value) in an
 *       ordered {@link dev.kmipjca.protocol.Attributes}; {@link dev.kmipjca.protocol.AttributeKey}
 *       types the standard ones. Unknown and custom attributes are kept as received.</li>
 *   <li>Managed objects: {@link dev.kmipjca.protocol.SymmetricKey}, {@link dev.kmipjca.protocol.SecretData},
 *       {@link dev.kmipjca.protocol.PrivateKey}, {@link dev.kmipjca.protocol.Certificate}; any other
 *       object is a {@link dev.kmipjca.protocol.RawObject}. Byte Strings are
 *       {@link dev.kmipjca.protocol.Bytes}, whose {@code toString} shows only the length.</li>
 * </ul>
 *
 * <h2>The mechanism: annotated records, one generic codec</h2>
 * Every structure is a record whose components carry {@code @TtlvField(tag)} in the order of the
 * spec's table, which is the order they are written. {@code RecordCodec} reads each record type once
 * (cached in a {@code ClassValue}) into slots and then encodes and decodes every record the same way:
 * <ul>
 *   <li>{@code null} is an absent optional field; a {@code List<T>} component is a repeated field
 *       (absent = empty list); {@code required = true} or a primitive type makes the field
 *       mandatory (decoding reports Missing Data, encoding throws IllegalArgumentException).</li>
 *   <li>Value codecs are chosen by Java type: Integer, Long, BigInteger, Boolean, String, Bytes,
 *       Instant (Date-Time; Date-Time Extended accepted from 2.0), Duration (Interval), KmipEnum
 *       subclasses (Enumeration), {@link dev.kmipjca.protocol.UniqueId} (Text String, or in 2.x an
 *       Enumeration placeholder or an Integer), a nested record (Structure), {@code Ttlv} (any item,
 *       kept raw).</li>
 *   <li>Version-dependent fields: {@code since = "1.3"} and {@code removedIn = "2.0"} bound the
 *       versions that have a field (encoding it elsewhere throws; decoding it elsewhere is an
 *       unexpected field); {@code v2 = tag} gives the 2.x tag when it differs. Two components may
 *       share a tag when their versions or item types differ: the Asynchronous Indicator is a
 *       Boolean until 2.0 and an Enumeration after; a Key Value is a Structure (plaintext) or a
 *       Byte String (wrapped). The decoder dispatches on tag, version and item type.</li>
 *   <li>Strictness: a second item for a single-valued field is a duplicate (D9); an item whose tag
 *       matches but whose type does not is an Invalid Field; an item no component takes is an
 *       unexpected field, unless the record ends with an {@code @TtlvField.Extensions List<Ttlv>}
 *       component, which keeps such items (vendor 0x54 tags, fields of newer minor versions) in
 *       order and writes them back at the end. Headers, batch items, every response payload and the
 *       Query response have one; request payloads are strict.</li>
 *   <li>A constructor that rejects its arguments (IllegalArgumentException) during decoding becomes
 *       an Invalid Field error.</li>
 * </ul>
 * Only the version-dependent attribute containers are hand-written ({@code AttributeCodec}), picked
 * by the component's tag:
 * <ul>
 *   <li>{@code Attributes} under {@code TEMPLATE_ATTRIBUTE, v2 = ATTRIBUTES} (Create, Register,
 *       Re-key): a 1.x Template-Attribute {Name*, Attribute*}, a 2.x Attributes structure;</li>
 *   <li>{@code Attributes} under {@code ATTRIBUTE, v2 = ATTRIBUTES} (Locate filter, Get Attributes
 *       response, Key Value): bare Attribute items in 1.x, one Attributes structure in 2.x (empty
 *       means absent unless {@code required});</li>
 *   <li>{@code Attribute} under {@code ATTRIBUTE} (1.x {Attribute Name, Attribute Index?, Attribute
 *       Value}) or under {@code NEW_ATTRIBUTE}/{@code CURRENT_ATTRIBUTE} (2.x wrapper of one item);</li>
 *   <li>{@code String} names under {@code ATTRIBUTE_NAME, v2 = ATTRIBUTE_REFERENCE}: Text Strings in
 *       1.x, the attribute's tag as an Enumeration in 2.x ("vendor:name" for the Structure form).</li>
 * </ul>
 * In 1.x an attribute is named by its spec name, which is the name of its tag in
 * {@code dev.kmipjca.ttlv.TagNames}; in 2.x it is written under that tag. Custom attributes
 * ({@code x-…}) exist only in 1.x; an unknown 2.x attribute tag is kept and named in hex.
 *
 * <p>The message layer ({@code MessageCodec}) adds what records cannot say: Batch Count is written
 * from, and checked against, the number of batch items; the top-level item must be the expected
 * message Structure (D10); payloads are decoded by the batch item's Operation.
 */
package dev.kmipjca.protocol;
