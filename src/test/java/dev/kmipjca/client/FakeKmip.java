package dev.kmipjca.client;

import dev.kmipjca.protocol.Activate;
import dev.kmipjca.protocol.Attribute;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.BatchErrorContinuationOption;
import dev.kmipjca.protocol.Bytes;
import dev.kmipjca.protocol.Create;
import dev.kmipjca.protocol.CryptographicAlgorithm;
import dev.kmipjca.protocol.Decrypt;
import dev.kmipjca.protocol.DeleteAttribute;
import dev.kmipjca.protocol.Destroy;
import dev.kmipjca.protocol.DiscoverVersions;
import dev.kmipjca.protocol.Encrypt;
import dev.kmipjca.protocol.Get;
import dev.kmipjca.protocol.GetAttributeList;
import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KeyBlock;
import dev.kmipjca.protocol.Locate;
import dev.kmipjca.protocol.ModifyAttribute;
import dev.kmipjca.protocol.ObjectType;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.Query;
import dev.kmipjca.protocol.Register;
import dev.kmipjca.protocol.RequestBatchItem;
import dev.kmipjca.protocol.RequestMessage;
import dev.kmipjca.protocol.RequestPayload;
import dev.kmipjca.protocol.ResponseBatchItem;
import dev.kmipjca.protocol.ResponseMessage;
import dev.kmipjca.protocol.ResponsePayload;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.protocol.Revoke;
import dev.kmipjca.protocol.SetAttribute;
import dev.kmipjca.protocol.State;
import dev.kmipjca.protocol.SymmetricKey;
import dev.kmipjca.protocol.UniqueId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The behaviour of {@link FakeKmipServer}: a tiny KMIP engine without storage. Created keys are
 * numbered "1", "2" …; every key's bytes are SHA-256 of its identifier, so a response can be checked
 * against the identifier asked for. An identifier starting with "missing" gives Item Not Found; a
 * missing identifier is the ID Placeholder (the last object created). Versions, Discover Versions and
 * the operations it refuses are configurable.
 */
final class FakeKmip {
    volatile List<ProtocolVersion> versions = List.of(ProtocolVersion.V2_0, ProtocolVersion.V1_4,
            ProtocolVersion.V1_3, ProtocolVersion.V1_2, ProtocolVersion.V1_1, ProtocolVersion.V1_0);
    volatile boolean discoverVersions = true;
    private final AtomicInteger nextUid = new AtomicInteger(1);
    private volatile String lastId = "none";

    /** A failed item. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ResultReason reason;

        Failure(ResultReason reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    static byte[] keyOf(String uid) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ResponseMessage handle(RequestMessage request) {
        boolean stop = !BatchErrorContinuationOption.CONTINUE.equals(request.header().batchErrorContinuationOption());
        List<ResponseBatchItem> out = new ArrayList<>();
        for (RequestBatchItem item : request.batchItems()) {
            ResponseBatchItem r;
            try {
                r = ResponseBatchItem.success(item.operation(), item.uniqueBatchItemId(),
                        answer(item.operation(), item.payload(), request.version()));
            } catch (Failure f) {
                r = ResponseBatchItem.failure(item.operation(), item.uniqueBatchItemId(), f.reason, f.getMessage());
            }
            out.add(r);
            if (!r.isSuccess() && stop) {
                break;
            }
        }
        return ResponseMessage.of(request.version(), Instant.now(), out);
    }

    private ResponsePayload answer(Operation op, RequestPayload p, ProtocolVersion v) throws Failure {
        if (p instanceof DiscoverVersions.Request r) {
            if (!discoverVersions) {
                throw new Failure(ResultReason.OPERATION_NOT_SUPPORTED, "no Discover Versions here");
            }
            List<ProtocolVersion> out = new ArrayList<>(versions);
            out.removeIf(x -> !r.protocolVersions().isEmpty() && !r.protocolVersions().contains(x));
            return new DiscoverVersions.Response(out);
        } else if (p instanceof Query.Request) {
            return Query.Response.of(List.of(Operation.CREATE, Operation.GET, Operation.ENCRYPT, Operation.QUERY),
                    List.of(ObjectType.SYMMETRIC_KEY), "Fake KMIP");
        } else if (p instanceof Create.Request) {
            lastId = String.valueOf(nextUid.getAndIncrement());
            return Create.Response.of(ObjectType.SYMMETRIC_KEY, UniqueId.of(lastId));
        } else if (p instanceof Register.Request) {
            lastId = String.valueOf(nextUid.getAndIncrement());
            return Register.Response.of(UniqueId.of(lastId));
        } else if (p instanceof Get.Request r) {
            String uid = existing(r.uniqueIdentifier());
            return Get.Response.of(UniqueId.of(uid), new SymmetricKey(KeyBlock.raw(Bytes.of(keyOf(uid)),
                    CryptographicAlgorithm.AES, 256)));
        } else if (p instanceof GetAttributes.Request r) {
            return new GetAttributes.Response(UniqueId.of(existing(r.uniqueIdentifier())), Attributes.builder()
                    .add(AttributeKey.STATE, State.ACTIVE).add(AttributeKey.CRYPTOGRAPHIC_LENGTH, 256).build());
        } else if (p instanceof GetAttributeList.Request r) {
            return new GetAttributeList.Response(UniqueId.of(existing(r.uniqueIdentifier())), List.of("State"));
        } else if (p instanceof Activate.Request r) {
            return new Activate.Response(UniqueId.of(existing(r.uniqueIdentifier())));
        } else if (p instanceof Revoke.Request r) {
            return new Revoke.Response(UniqueId.of(existing(r.uniqueIdentifier())));
        } else if (p instanceof Destroy.Request r) {
            return new Destroy.Response(UniqueId.of(existing(r.uniqueIdentifier())));
        } else if (p instanceof Locate.Request) {
            return new Locate.Response(v.isAtLeast(ProtocolVersion.V1_3) ? 1 : null, List.of(UniqueId.of("1")));
        } else if (p instanceof Encrypt.Request r) {
            Bytes iv = r.ivCounterNonce() != null ? r.ivCounterNonce() : Bytes.of(new byte[16]);
            return new Encrypt.Response(UniqueId.of(existing(r.uniqueIdentifier())), r.data(), iv, null,
                    v.isAtLeast(ProtocolVersion.V1_4) ? Bytes.of(new byte[16]) : null);
        } else if (p instanceof Decrypt.Request r) {
            return new Decrypt.Response(UniqueId.of(existing(r.uniqueIdentifier())), r.data(), null);
        }
        return attributeChange(op, p, v);
    }

    private ResponsePayload attributeChange(Operation op, RequestPayload p, ProtocolVersion v) throws Failure {
        if (p instanceof ModifyAttribute.Request r) {
            return new ModifyAttribute.Response(UniqueId.of(existing(r.uniqueIdentifier())), v.isKmip2() ? null : r.attribute());
        } else if (p instanceof DeleteAttribute.Request r) {
            Attribute deleted = v.isKmip2() ? null : new Attribute(r.attributeName(), r.attributeIndex(), "deleted");
            return new DeleteAttribute.Response(UniqueId.of(existing(r.uniqueIdentifier())), deleted);
        } else if (p instanceof SetAttribute.Request r) {
            return new SetAttribute.Response(UniqueId.of(existing(r.uniqueIdentifier())));
        }
        throw new Failure(ResultReason.OPERATION_NOT_SUPPORTED, op + " is not supported");
    }

    private String existing(UniqueId id) throws Failure {
        String uid = id == null ? lastId : id.toString();
        if (uid.startsWith("missing")) {
            throw new Failure(ResultReason.ITEM_NOT_FOUND, "Could not locate object: " + uid);
        }
        return uid;
    }
}
