package dev.krag.stages.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Objects as plain files under a root folder; each write lands whole through a rename. */
public final class LocalAssetStore implements AssetStore {

  private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private final Path root;

  public LocalAssetStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public void write(String key, byte[] content) throws IOException {
    Path target = resolve(key);
    Path temp = temporaryBeside(target);
    Files.write(temp, content);
    moveInto(temp, target);
  }

  @Override
  public void put(String key, Path file) throws IOException {
    Path target = resolve(key);
    Path temp = temporaryBeside(target);
    Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
    moveInto(temp, target);
  }

  @Override
  public void copy(String from, String to) throws IOException {
    put(to, resolve(from));
  }

  @Override
  public Path localPath(String key) {
    return resolve(key);
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("key escapes the store: " + key);
    }
    return path;
  }

  private static Path temporaryBeside(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
  }

  private static void moveInto(Path temp, Path target) throws IOException {
    if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(temp, READABLE); // temp files are private; published media are not
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
