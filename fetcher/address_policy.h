#pragma once
// Which socket addresses the fetcher may connect to. Internal to fetcher/; the check runs on
// the address curl is about to connect to (after DNS, for every redirect hop), so neither a
// name that resolves to a private address nor a redirect to one slips through.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/socket.h>

namespace newswire {

// An IPv4 address is held as its IPv4-mapped IPv6 form (::ffff:a.b.c.d).
using IpAddress = std::array<std::uint8_t, 16>;

struct IpNetwork {
    IpAddress address{};
    int prefix_length = 0;  // in bits of the 128-bit form

    bool contains(const IpAddress& candidate) const;
};

// Parses "10.1.2.0/24", "127.0.0.1" (a single host), "fd00::/8" or "::1". Empty when malformed.
std::optional<IpNetwork> parse_ip_network(std::string_view text);

// The address of a sockaddr_in or sockaddr_in6; empty for any other family.
std::optional<IpAddress> ip_address_of(const sockaddr* address, socklen_t length);

// "127.0.0.1", "::1", "::ffff:10.0.0.1" (IPv4 in dotted form when it is held mapped).
std::string to_string(const IpAddress& address);

// What kind of non-public address this is ("loopback", "private", "link-local",
// "unspecified", "shared (CGNAT)", "multicast", "reserved", "documentation", …), looking
// through IPv4-mapped, IPv4-compatible, NAT64 and 6to4 forms; empty for a public address.
std::optional<std::string_view> special_address_kind(const IpAddress& address);

class AddressPolicy {
public:
    // `allowed_networks` are reachable even when private addresses are not allowed. Throws
    // std::invalid_argument naming the entry when one cannot be parsed.
    AddressPolicy(bool allow_private_addresses, const std::vector<std::string>& allowed_networks);

    // Empty when a connection to `address` may go ahead; otherwise why not, for a person
    // ("127.0.0.1 is a loopback address").
    std::optional<std::string> refusal(const sockaddr* address, socklen_t length) const;

private:
    bool m_allow_private;
    std::vector<IpNetwork> m_allowed;
};

}  // namespace newswire
