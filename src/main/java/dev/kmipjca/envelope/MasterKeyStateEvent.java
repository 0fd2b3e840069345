package dev.kmipjca.envelope;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A JFR event, named {@link #NAME}, each time a master key is seen in a new State. */
@Name(MasterKeyStateEvent.NAME)
@Label("KMIP Master Key State")
@Category({"KMIP", "Keys"})
@Description("A master key's State on the KMIP server changed (as seen by the provider's polling)")
@StackTrace(false)
final class MasterKeyStateEvent extends Event {
    static final String NAME = "dev.kmipjca.MasterKeyState";

    @Label("Key")
    String keyId;

    @Label("Old State")
    String oldState;

    @Label("New State")
    String newState;
}
