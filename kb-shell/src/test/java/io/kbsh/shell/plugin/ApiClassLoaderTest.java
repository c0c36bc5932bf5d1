package io.kbsh.shell.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiClassLoaderTest {

    @Test
    void apiPackagesAreSharedTheirInternalPackagesAreNot() throws Exception {
        assertTrue(ApiClassLoader.isShared("io.kbsh.ini.file.PlanApplier"));
        assertFalse(ApiClassLoader.isShared("io.kbsh.ini.internal.Backups"));
        assertFalse(ApiClassLoader.isShared("io.kbsh.model.internal.Limits"));
        ClassLoader api = new ApiClassLoader(getClass().getClassLoader());
        api.loadClass("io.kbsh.ini.file.PlanApplier");
        assertThrows(ClassNotFoundException.class, () -> api.loadClass("io.kbsh.ini.internal.WriteLock"));
    }
}
