package dev.kmipjca.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * The managed objects: an in-memory map of immutable {@link StoredObject}s, each persisted in its own
 * file before the change is visible (and so before the client gets its answer). Readers never lock;
 * a change to one object holds that object's lock only, so operations on different objects and all
 * cryptography run in parallel. Unique Identifiers are random UUIDs, never reused.
 */
final class ObjectStore {
    private final ConcurrentMap<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private final ObjectFiles files;

    private ObjectStore(ObjectFiles files) {
        this.files = files;
    }

    /** Loads every object of {@code dir} (created if absent). */
    static ObjectStore open(Path dir, StorageKey key) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
        }
        ObjectStore store = new ObjectStore(new ObjectFiles(dir, key));
        for (StoredObject o : store.files.loadAll()) {
            store.objects.put(o.uid(), o);
        }
        return store;
    }

    static String newUid() {
        return UUID.randomUUID().toString();
    }

    StoredObject get(String uid) {
        return objects.get(uid);
    }

    /** A snapshot of every object, in no particular order. */
    Collection<StoredObject> all() {
        return new ArrayList<>(objects.values());
    }

    int size() {
        return objects.size();
    }

    /** Stores a new object. */
    void insert(StoredObject o) {
        synchronized (lockOf(o.uid())) {
            if (objects.containsKey(o.uid())) {
                throw new IllegalStateException("Unique Identifier " + o.uid() + " is taken");
            }
            persist(o);
            objects.put(o.uid(), o);
        }
    }

    /**
     * Applies {@code change} under the object's lock and persists the result. The change may throw
     * a {@link KmipFailure} (a state rule), which leaves the object as it was.
     */
    StoredObject update(String uid, UnaryOperator<StoredObject> change) {
        synchronized (lockOf(uid)) {
            StoredObject current = objects.get(uid);
            if (current == null) {
                throw KmipFailure.notFound(uid);
            }
            StoredObject next = change.apply(current);
            if (next != current) {
                persist(next);
                objects.put(uid, next);
            }
            return next;
        }
    }

    private Object lockOf(String uid) {
        return locks.computeIfAbsent(uid, k -> new Object());
    }

    private void persist(StoredObject o) {
        try {
            files.write(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write object " + o.uid(), e);
        }
    }
}
