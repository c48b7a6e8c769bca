package studio.imgen.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import studio.imgen.base.UserInputException;

/**
 * Where a webhook may point: an absolute http(s) URL without credentials, whose host resolves only to public
 * addresses (unless private targets are allowed). Checked when the URL is saved and again before every delivery,
 * since DNS can change in between.
 */
final class WebhookTarget {

    private WebhookTarget() {
    }

    /** The URL as it will be called; refusals are sentences for the admin. */
    static URI parse(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw new UserInputException("Enter the webhook URL.");
        }
        if (value.length() > 2000) {
            throw new UserInputException("The webhook URL is too long.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new UserInputException("That is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UserInputException("Only http and https webhook URLs are allowed.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new UserInputException("The webhook URL needs a host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UserInputException("The webhook URL must not contain a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            throw new UserInputException("The webhook URL must not contain a #fragment.");
        }
        return uri;
    }

    /** Resolves the host and refuses it if any of its addresses is not public (unless allowed). */
    static void checkAddresses(URI uri, boolean allowPrivate) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UserInputException("The webhook host could not be found.");
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new UserInputException("Webhooks to loopback or private network addresses are not allowed.");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                      // "this network"
                    && !(first == 100 && (second & 0xc0) == 64)    // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second & 0xfe) == 18)    // 198.18.0.0/15 benchmarking
                    && first < 240;                                // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false;                                      // fc00::/7 unique local
            }
            boolean embedsV4 = isZero(b, 0, 12)                    // ::a.b.c.d (deprecated IPv4-compatible)
                    || (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12)); // 64:ff9b::/96 NAT64
            if (embedsV4) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Scheme and host only: the path of a chat webhook URL is its secret. */
    static String describe(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
        } catch (URISyntaxException e) {
            return "(invalid URL)";
        }
    }
}
