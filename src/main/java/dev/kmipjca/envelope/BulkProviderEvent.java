package dev.kmipjca.envelope;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A JFR event, named {@link #NAME}, each time the provider of an envelope's bulk AES-256-GCM is chosen
 * (every {@link BulkProviders#select} and every provider given to {@link EnvelopeBuilder#bulkProvider(
 * java.security.Provider)}): which provider, its version, and why.
 */
@Name(BulkProviderEvent.NAME)
@Label("KMIP Bulk Provider")
@Category({"KMIP", "Envelope"})
@Description("The JCA provider chosen for an envelope's bulk AES-256-GCM, and why")
@StackTrace(false)
final class BulkProviderEvent extends Event {
    static final String NAME = "dev.kmipjca.BulkProvider";

    @Label("Provider")
    String name;

    @Label("Version")
    String version;

    @Label("Reason")
    String reason;

    /** Records {@code c} when the event is enabled. */
    static void emit(BulkProviderChoice c) {
        BulkProviderEvent e = new BulkProviderEvent();
        if (e.isEnabled()) {
            e.name = c.name();
            e.version = c.version();
            e.reason = c.reason();
            e.commit();
        }
    }
}
