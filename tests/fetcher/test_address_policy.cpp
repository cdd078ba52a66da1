#include <cstring>
#include <stdexcept>
#include <string>

#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <netinet/in.h>

#include "fetcher/address_policy.h"

using namespace newswire;

namespace {

IpAddress ip(const std::string& text) {
    auto network = parse_ip_network(text);
    REQUIRE(network);
    return network->address;
}

std::string kind_of(const std::string& text) {
    auto kind = special_address_kind(ip(text));
    return kind ? std::string(*kind) : "public";
}

sockaddr_in ipv4_socket_address(const char* text) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(80);
    REQUIRE(inet_pton(AF_INET, text, &address.sin_addr) == 1);
    return address;
}

sockaddr_in6 ipv6_socket_address(const char* text) {
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_port = htons(80);
    REQUIRE(inet_pton(AF_INET6, text, &address.sin6_addr) == 1);
    return address;
}

}  // namespace

TEST_CASE("IPv4 addresses are classified by the special-purpose registry", "[fetcher]") {
    CHECK(kind_of("127.0.0.1") == "loopback");
    CHECK(kind_of("127.255.0.9") == "loopback");
    CHECK(kind_of("10.1.2.3") == "private");
    CHECK(kind_of("172.16.0.1") == "private");
    CHECK(kind_of("172.31.255.255") == "private");
    CHECK(kind_of("172.32.0.1") == "public");
    CHECK(kind_of("192.168.1.1") == "private");
    CHECK(kind_of("169.254.169.254") == "link-local");
    CHECK(kind_of("100.64.0.1") == "shared (CGNAT)");
    CHECK(kind_of("100.127.255.255") == "shared (CGNAT)");
    CHECK(kind_of("100.128.0.1") == "public");
    CHECK(kind_of("0.0.0.0") == "unspecified");
    CHECK(kind_of("224.0.0.251") == "multicast");
    CHECK(kind_of("255.255.255.255") == "reserved");
    CHECK(kind_of("8.8.8.8") == "public");
    CHECK(kind_of("195.50.170.1") == "public");
}

TEST_CASE("IPv6 addresses are classified, looking through embedded IPv4", "[fetcher]") {
    CHECK(kind_of("::1") == "loopback");
    CHECK(kind_of("::") == "unspecified");
    CHECK(kind_of("fc00::1") == "private");
    CHECK(kind_of("fd12:3456::1") == "private");
    CHECK(kind_of("fe80::1") == "link-local");
    CHECK(kind_of("ff02::1") == "multicast");
    CHECK(kind_of("::ffff:127.0.0.1") == "loopback");
    CHECK(kind_of("::ffff:192.168.0.1") == "private");
    CHECK(kind_of("::ffff:8.8.8.8") == "public");
    CHECK(kind_of("64:ff9b::a00:1") == "private");
    CHECK(kind_of("2002:c0a8:0101::1") == "private");
    CHECK(kind_of("::127.0.0.1") == "loopback");
    CHECK(kind_of("2a00:1450:4001:82b::200e") == "public");
}

TEST_CASE("networks parse from CIDR text and contain what they should", "[fetcher]") {
    auto ten = parse_ip_network("10.0.0.0/8");
    REQUIRE(ten);
    CHECK(ten->prefix_length == 104);
    CHECK(ten->contains(ip("10.255.0.1")));
    CHECK_FALSE(ten->contains(ip("11.0.0.1")));
    CHECK_FALSE(ten->contains(ip("::a00:1")));

    auto host = parse_ip_network("127.0.0.1");
    REQUIRE(host);
    CHECK(host->prefix_length == 128);
    CHECK_FALSE(host->contains(ip("127.0.0.2")));

    auto ula = parse_ip_network("fd00::/8");
    REQUIRE(ula);
    CHECK(ula->contains(ip("fd12::1")));
    CHECK_FALSE(ula->contains(ip("fe80::1")));

    CHECK_FALSE(parse_ip_network("300.1.1.1"));
    CHECK_FALSE(parse_ip_network("10.0.0.0/33"));
    CHECK_FALSE(parse_ip_network("10.0.0.0/"));
    CHECK_FALSE(parse_ip_network("10.0.0.0/8x"));
    CHECK_FALSE(parse_ip_network("::/129"));
    CHECK_FALSE(parse_ip_network("example.com"));
    CHECK_FALSE(parse_ip_network(""));
}

TEST_CASE("addresses print in their usual form", "[fetcher]") {
    CHECK(to_string(ip("10.0.0.1")) == "10.0.0.1");
    CHECK(to_string(ip("::ffff:10.0.0.1")) == "10.0.0.1");
    CHECK(to_string(ip("fe80::1")) == "fe80::1");
}

TEST_CASE("the policy refuses private socket addresses and names the reason", "[fetcher]") {
    AddressPolicy strict(false, {});
    sockaddr_in loopback = ipv4_socket_address("127.0.0.1");
    sockaddr_in public_address = ipv4_socket_address("93.184.216.34");
    sockaddr_in6 mapped = ipv6_socket_address("::ffff:10.0.0.7");
    sockaddr_in6 link_local = ipv6_socket_address("fe80::1");
    auto as_sockaddr = [](auto& address) { return reinterpret_cast<const sockaddr*>(&address); };

    CHECK(strict.refusal(as_sockaddr(loopback), sizeof loopback) ==
          std::optional<std::string>("127.0.0.1 is a loopback address"));
    CHECK(strict.refusal(as_sockaddr(mapped), sizeof mapped) ==
          std::optional<std::string>("10.0.0.7 is a private address"));
    CHECK(strict.refusal(as_sockaddr(link_local), sizeof link_local) ==
          std::optional<std::string>("fe80::1 is a link-local address"));
    CHECK_FALSE(strict.refusal(as_sockaddr(public_address), sizeof public_address));
    // A truncated address is not trusted.
    CHECK(strict.refusal(as_sockaddr(public_address), 4));

    AddressPolicy open(true, {});
    CHECK_FALSE(open.refusal(as_sockaddr(loopback), sizeof loopback));

    AddressPolicy allow_list(false, {"10.0.0.0/24"});
    CHECK_FALSE(allow_list.refusal(as_sockaddr(mapped), sizeof mapped));
    CHECK(allow_list.refusal(as_sockaddr(loopback), sizeof loopback));

    CHECK_THROWS_AS(AddressPolicy(false, {"10.0.0.0/24", "nonsense"}), std::invalid_argument);
}
