package dev.kmipjca.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kmip.retireOldMasterKey}: default, parsing, and its place in the settings map. */
class RetireOldMasterKeyTest {
    @Test
    void notSet_isKeep_andLeftOutOfTheMap() throws Exception {
        KmipSettings s = KmipSettings.fromMap(Map.of(), null);
        assertEquals(RetireOldMasterKey.KEEP, s.retireOldMasterKey());
        assertEquals(null, s.toMap().get("kmip.retireOldMasterKey"));
    }

    @Test
    void setInAnyCase_isParsed_andWrittenBackLowerCase() throws Exception {
        KmipSettings s = KmipSettings.fromMap(Map.of("kmip.retireOldMasterKey", " Destroy "), null);
        assertEquals(RetireOldMasterKey.DESTROY, s.retireOldMasterKey());
        assertEquals("destroy", s.toMap().get("kmip.retireOldMasterKey"));
        assertEquals(RetireOldMasterKey.DEACTIVATE, KmipSettings.fromMap(Map.of("kmip.retireOldMasterKey", "deactivate"),
                null).retireOldMasterKey());
    }
}
