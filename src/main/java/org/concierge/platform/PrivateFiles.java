package org.concierge.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files that hold secrets: readable and writable by the server's own user only. */
public final class PrivateFiles {

  private PrivateFiles() {}

  /**
   * Restricts {@code path} to its owner where the file system has POSIX permissions; elsewhere
   * (Windows) the data directory's own permissions protect it.
   */
  public static void ownerOnly(Path path) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
