package dev.krag.api;

import dev.krag.schemas.Role;
import io.helidon.http.Status;

/** Who a request speaks for, and with what role: from a verified token or an API key. */
public record Principal(String name, Role role) {

  /** A 403 unless this principal's role is {@code needed} or above it. */
  void require(Role needed) {
    if (role.ordinal() < needed.ordinal()) {
      throw new ApiException(Status.FORBIDDEN_403, "forbidden", "this needs the " + needed.name().toLowerCase() + " role; "
          + name + " is a " + role.name().toLowerCase());
    }
  }

  /** Whether what {@code owner} owns is visible: a principal sees their own work, an admin everyone's. */
  boolean sees(String owner) {
    return role == Role.ADMIN || name.equals(owner);
  }
}
