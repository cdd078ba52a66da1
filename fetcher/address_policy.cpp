#include "fetcher/address_policy.h"

#include <cstring>
#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace newswire {

namespace {

struct SpecialNetwork {
    IpNetwork network;
    std::string_view kind;
};

constexpr IpAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
    return {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, a, b, c, d};
}

constexpr IpAddress v6(std::uint8_t a, std::uint8_t b, std::uint8_t c = 0, std::uint8_t d = 0) {
    return {a, b, c, d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
}

constexpr IpAddress k_ipv6_loopback{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

// IANA special-purpose registries (RFC 6890 and successors): nothing a public news site uses.
const SpecialNetwork k_special[] = {
    {{v4(0, 0, 0, 0), 96 + 8}, "unspecified"},
    {{v4(10, 0, 0, 0), 96 + 8}, "private"},
    {{v4(100, 64, 0, 0), 96 + 10}, "shared (CGNAT)"},
    {{v4(127, 0, 0, 0), 96 + 8}, "loopback"},
    {{v4(169, 254, 0, 0), 96 + 16}, "link-local"},
    {{v4(172, 16, 0, 0), 96 + 12}, "private"},
    {{v4(192, 0, 0, 0), 96 + 24}, "reserved"},
    {{v4(192, 0, 2, 0), 96 + 24}, "documentation"},
    {{v4(192, 168, 0, 0), 96 + 16}, "private"},
    {{v4(198, 18, 0, 0), 96 + 15}, "benchmarking"},
    {{v4(198, 51, 100, 0), 96 + 24}, "documentation"},
    {{v4(203, 0, 113, 0), 96 + 24}, "documentation"},
    {{v4(224, 0, 0, 0), 96 + 4}, "multicast"},
    {{v4(240, 0, 0, 0), 96 + 4}, "reserved"},
    {{IpAddress{}, 128}, "unspecified"},
    {{k_ipv6_loopback, 128}, "loopback"},
    {{v6(0x01, 0x00), 64}, "reserved"},
    {{v6(0x20, 0x01, 0x0d, 0xb8), 32}, "documentation"},
    {{v6(0xfc, 0x00), 7}, "private"},
    {{v6(0xfe, 0x80), 10}, "link-local"},
    {{v6(0xfe, 0xc0), 10}, "site-local"},
    {{v6(0xff, 0x00), 8}, "multicast"},
};

const IpNetwork k_ipv4_compatible{IpAddress{}, 96};
const IpNetwork k_nat64{{0x00, 0x64, 0xff, 0x9b}, 96};
const IpNetwork k_6to4{v6(0x20, 0x02), 16};

std::optional<std::string_view> direct_kind(const IpAddress& address) {
    for (const auto& special : k_special) {
        if (special.network.contains(address)) return special.kind;
    }
    return std::nullopt;
}

// The IPv4 address an IPv6 address carries in a form that routes to it, if any.
std::optional<IpAddress> embedded_ipv4(const IpAddress& address) {
    if (k_nat64.contains(address) || k_ipv4_compatible.contains(address)) {
        return v4(address[12], address[13], address[14], address[15]);
    }
    if (k_6to4.contains(address)) return v4(address[2], address[3], address[4], address[5]);
    return std::nullopt;
}

}  // namespace

bool IpNetwork::contains(const IpAddress& candidate) const {
    int remaining = prefix_length;
    for (std::size_t i = 0; i < address.size() && remaining > 0; ++i, remaining -= 8) {
        int bits = remaining >= 8 ? 8 : remaining;
        auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
        if ((address[i] & mask) != (candidate[i] & mask)) return false;
    }
    return true;
}

std::optional<IpNetwork> parse_ip_network(std::string_view text) {
    std::size_t slash = text.find('/');
    std::string host(text.substr(0, slash));
    IpNetwork network;
    int max_prefix = 128;
    in_addr address4{};
    if (inet_pton(AF_INET, host.c_str(), &address4) == 1) {
        auto* bytes = reinterpret_cast<const std::uint8_t*>(&address4.s_addr);
        network.address = v4(bytes[0], bytes[1], bytes[2], bytes[3]);
        max_prefix = 32;
    } else if (inet_pton(AF_INET6, host.c_str(), network.address.data()) != 1) {
        return std::nullopt;
    }
    int prefix = max_prefix;
    if (slash != std::string_view::npos) {
        std::string_view digits = text.substr(slash + 1);
        if (digits.empty() || digits.size() > 3) return std::nullopt;
        prefix = 0;
        for (char digit : digits) {
            if (digit < '0' || digit > '9') return std::nullopt;
            prefix = prefix * 10 + (digit - '0');
        }
        if (prefix > max_prefix) return std::nullopt;
    }
    network.prefix_length = prefix + (128 - max_prefix);
    return network;
}

std::optional<IpAddress> ip_address_of(const sockaddr* address, socklen_t length) {
    if (!address) return std::nullopt;
    IpAddress result{};
    if (address->sa_family == AF_INET && length >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
        sockaddr_in address4;
        std::memcpy(&address4, address, sizeof address4);
        auto* bytes = reinterpret_cast<const std::uint8_t*>(&address4.sin_addr.s_addr);
        return v4(bytes[0], bytes[1], bytes[2], bytes[3]);
    }
    if (address->sa_family == AF_INET6 &&
        length >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
        sockaddr_in6 address6;
        std::memcpy(&address6, address, sizeof address6);
        std::memcpy(result.data(), &address6.sin6_addr, result.size());
        return result;
    }
    return std::nullopt;
}

std::string to_string(const IpAddress& address) {
    char text[INET6_ADDRSTRLEN] = {};
    static const IpNetwork k_mapped{v4(0, 0, 0, 0), 96};
    if (k_mapped.contains(address)) {
        inet_ntop(AF_INET, address.data() + 12, text, sizeof text);
    } else {
        inet_ntop(AF_INET6, address.data(), text, sizeof text);
    }
    return text;
}

std::optional<std::string_view> special_address_kind(const IpAddress& address) {
    if (auto kind = direct_kind(address)) return kind;
    if (auto inner = embedded_ipv4(address)) return direct_kind(*inner);
    return std::nullopt;
}

AddressPolicy::AddressPolicy(bool allow_private_addresses,
                             const std::vector<std::string>& allowed_networks)
    : m_allow_private(allow_private_addresses) {
    for (const auto& entry : allowed_networks) {
        auto network = parse_ip_network(entry);
        if (!network) {
            throw std::invalid_argument("allowed network is not an IP address or CIDR block: '" +
                                        entry + "'");
        }
        m_allowed.push_back(*network);
    }
}

std::optional<std::string> AddressPolicy::refusal(const sockaddr* address,
                                                  socklen_t length) const {
    if (m_allow_private) return std::nullopt;
    auto ip = ip_address_of(address, length);
    if (!ip) return std::string("not an IPv4 or IPv6 address");
    for (const auto& network : m_allowed) {
        if (network.contains(*ip)) return std::nullopt;
    }
    auto kind = special_address_kind(*ip);
    if (!kind) return std::nullopt;
    return to_string(*ip) + " is a " + std::string(*kind) + " address";
}

}  // namespace newswire
