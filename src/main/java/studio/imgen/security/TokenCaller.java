package studio.imgen.security;

import java.util.UUID;

/**
 * The API token a request authenticated with, kept as the authentication's details: what the audit log records as
 * "via token &lt;name&gt;". Absent for browser sessions.
 */
public record TokenCaller(UUID tokenId, String tokenName) {
}
