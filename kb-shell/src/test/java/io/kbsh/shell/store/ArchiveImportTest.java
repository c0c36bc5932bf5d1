package io.kbsh.shell.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kbsh.model.article.Rendering;
import org.junit.jupiter.api.Test;

/** Which of two renderings of one article an import keeps, in whichever order the workers meet them. */
class ArchiveImportTest {

    @Test
    void aRicherRenderingWinsWhateverItsName() {
        assertTrue(new ArchiveImport.Kept(Rendering.MARKDOWN, "a/Q1.md").yieldsTo(Rendering.TEXT, "z/Q1.TXT"));
        assertFalse(new ArchiveImport.Kept(Rendering.TEXT, "z/Q1.TXT").yieldsTo(Rendering.MARKDOWN, "a/Q1.md"));
    }

    @Test
    void ofTwoAsRichTheEntryFirstByNameWinsInEitherOrder() {
        assertTrue(new ArchiveImport.Kept(Rendering.TEXT, "b/Q1.TXT").yieldsTo(Rendering.TEXT, "a/Q1.TXT"));
        assertFalse(new ArchiveImport.Kept(Rendering.TEXT, "a/Q1.TXT").yieldsTo(Rendering.TEXT, "b/Q1.TXT"));
        assertFalse(new ArchiveImport.Kept(Rendering.TEXT, "a/Q1.TXT").yieldsTo(Rendering.TEXT, "a/Q1.TXT"));
    }
}
