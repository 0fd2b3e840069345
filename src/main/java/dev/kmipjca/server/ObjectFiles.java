package dev.kmipjca.server;

import dev.kmipjca.protocol.GetAttributes;
import dev.kmipjca.protocol.KmipProtocolException;
import dev.kmipjca.protocol.ManagedObject;
import dev.kmipjca.protocol.Messages;
import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ProtocolVersion;
import dev.kmipjca.protocol.UniqueId;
import dev.kmipjca.ttlv.Tag;
import dev.kmipjca.ttlv.Ttlv;
import dev.kmipjca.ttlv.TtlvDecoder;
import dev.kmipjca.ttlv.TtlvException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One file per object in {@code DIR/objects}, named {@code <uid>.obj}, holding one TTLV Structure
 * (vendor tags 0x54xxxx mark the fields KMIP has no tag for):
 * <pre>
 * 540001 Structure                 development server object
 *   540002 Integer                 format version (1)
 *   420094 Text String             Unique Identifier
 *   540003 Text String             owner (subject of the creator's certificate)
 *   42007C Structure               the attributes, as a KMIP 1.4 Get Attributes response payload
 *   540004 Byte String             the managed object's TTLV (KMIP 2.1), sealed by {@link StorageKey};
 *                                  absent once the object is destroyed
 * </pre>
 * Files are replaced atomically ({@link AtomicFiles}), so a file is always a whole object.
 */
final class ObjectFiles {
    static final String SUFFIX = ".obj";
    private static final int OBJECT = 0x540001;
    private static final int FORMAT = 0x540002;
    private static final int OWNER = 0x540003;
    private static final int SEALED = 0x540004;
    private static final ProtocolVersion ATTRIBUTE_FORM = ProtocolVersion.V1_4;
    private static final ProtocolVersion OBJECT_FORM = ProtocolVersion.V2_1;

    private final Path dir;
    private final StorageKey key;

    ObjectFiles(Path dir, StorageKey key) {
        this.dir = dir;
        this.key = key;
    }

    Path fileOf(String uid) {
        return dir.resolve(uid + SUFFIX);
    }

    void write(StoredObject o) throws IOException {
        List<Ttlv> fields = new ArrayList<>();
        fields.add(Ttlv.integer(FORMAT, 1));
        fields.add(Ttlv.text(Tag.UNIQUE_IDENTIFIER, o.uid()));
        fields.add(Ttlv.text(OWNER, o.owner()));
        fields.add(Messages.encodeResponsePayload(new GetAttributes.Response(UniqueId.of(o.uid()), o.attributes()),
                ATTRIBUTE_FORM));
        if (o.object() != null) {
            Ttlv object = Messages.encodeObject(o.object(), OBJECT_FORM);
            byte[] plain = object.encode();
            try {
                fields.add(Ttlv.bytes(SEALED, key.seal(o.uid(), plain)));
            } finally {
                Arrays.fill(plain, (byte) 0);
                object.wipe();
            }
        }
        AtomicFiles.write(fileOf(o.uid()), Ttlv.structure(OBJECT, fields).encode(), true);
    }

    /** Every object file; leftover temporary files of interrupted writes are deleted. */
    List<StoredObject> loadAll() throws IOException {
        List<StoredObject> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX)) {
                    Files.deleteIfExists(f);
                } else if (name.endsWith(SUFFIX)) {
                    out.add(read(f, name.substring(0, name.length() - SUFFIX.length())));
                }
            }
        }
        return out;
    }

    private StoredObject read(Path file, String uid) throws IOException {
        try {
            Ttlv t = TtlvDecoder.defaults().decode(Files.readAllBytes(file));
            if (t.tag() != OBJECT || t.child(FORMAT) == null || t.child(FORMAT).asInt() != 1) {
                throw new IOException("not a format-1 object file");
            }
            if (!uid.equals(t.child(Tag.UNIQUE_IDENTIFIER).asText())) {
                throw new IOException("holds object " + t.child(Tag.UNIQUE_IDENTIFIER).asText());
            }
            GetAttributes.Response attributes = (GetAttributes.Response) Messages.decodeResponsePayload(
                    Operation.GET_ATTRIBUTES, t.child(Tag.RESPONSE_PAYLOAD), ATTRIBUTE_FORM);
            ManagedObject object = null;
            Ttlv sealed = t.child(SEALED);
            if (sealed != null) {
                byte[] plain = key.open(uid, sealed.asBytes());
                try {
                    Ttlv item = TtlvDecoder.defaults().withDateTimeExtended(true).decode(plain);
                    object = Messages.decodeObject(item, OBJECT_FORM);
                    item.wipe();
                } finally {
                    Arrays.fill(plain, (byte) 0);
                }
            }
            return new StoredObject(uid, t.child(OWNER).asText(), object, attributes.attributes());
        } catch (TtlvException | KmipProtocolException | GeneralSecurityException | RuntimeException e) {
            throw new IOException("cannot read object file " + file + " (" + e.getMessage()
                    + "); move it away or restore " + StorageKey.FILE + " to start", e);
        }
    }
}
