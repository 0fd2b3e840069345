package dev.kmipjca.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link KmipClient#onClose}: what layers above register runs once, at close, or at once when already closed. */
class CloseActionsTest {
    @TempDir
    Path dir;

    @Test
    void onClose_runsEachActionOnceInOrder_andLateActionsAtOnce() throws Exception {
        List<String> ran = new ArrayList<>();
        try (Harness h = Harness.pinned(dir, "2.0")) {
            h.client.onClose(() -> ran.add("first"));
            h.client.onClose(() -> ran.add("second"));
            assertEquals(List.of(), ran, "nothing before close");
            h.client.close();
            assertEquals(List.of("first", "second"), ran);
            h.client.close();
            assertEquals(List.of("first", "second"), ran, "a second close runs nothing again");
            h.client.onClose(() -> ran.add("late"));
            assertEquals(List.of("first", "second", "late"), ran, "registered after close: run at once");
        }
    }
}
