#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "parser/feed/xml_recover.h"

namespace newswire::feed_detail {

namespace {

constexpr std::size_t k_max_depth = 1024;
constexpr std::size_t k_max_attributes = 64;
constexpr std::size_t k_max_search = 64;  // how far down the open elements a closing tag may reach

bool is_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_name_char(char c) {
    return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ':';
}

// Elements that never have content, written by careless feeds without their "/>".
bool is_void(std::string_view name) {
    for (std::string_view v : {"enclosure", "br", "img", "hr", "meta", "source"}) {
        if (name.size() == v.size() && std::equal(name.begin(), name.end(), v.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            })) {
            return true;
        }
    }
    return false;
}

void escape_text(std::string& out, std::string_view text, bool in_attribute) {
    for (char c : text) {
        if (c == '<') out += "&lt;";
        else if (c == '>' && !in_attribute) out += "&gt;";
        else if (c == '"' && in_attribute) out += "&quot;";
        else out.push_back(c);
    }
}

class Rebalancer {
public:
    explicit Rebalancer(std::string_view xml) : m_xml(xml) { m_out.reserve(xml.size() + 64); }

    std::string run() {
        while (m_pos < m_xml.size()) {
            std::size_t lt = m_xml.find('<', m_pos);
            if (lt == std::string_view::npos) lt = m_xml.size();
            escape_text(m_out, m_xml.substr(m_pos, lt - m_pos), false);
            m_pos = lt;
            if (m_pos < m_xml.size()) markup();
        }
        while (!m_open.empty()) close_top();
        return std::move(m_out);
    }

private:
    void copy_until(std::string_view terminator, std::string_view closer) {
        std::size_t end = m_xml.find(terminator, m_pos);
        if (end == std::string_view::npos) {
            m_out.append(m_xml.substr(m_pos));
            m_out.append(closer);
            m_pos = m_xml.size();
            return;
        }
        m_out.append(m_xml.substr(m_pos, end + terminator.size() - m_pos));
        m_pos = end + terminator.size();
    }

    void skip_declaration() {
        int depth = 0;
        char quote = 0;
        for (; m_pos < m_xml.size(); ++m_pos) {
            char c = m_xml[m_pos];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                ++depth;
            } else if (c == ']') {
                depth = std::max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                ++m_pos;
                return;
            }
        }
    }

    void markup() {
        std::string_view rest = m_xml.substr(m_pos);
        if (rest.starts_with("<!--")) return copy_until("-->", "-->");
        if (rest.starts_with("<![CDATA[")) return copy_until("]]>", "]]>");
        if (rest.starts_with("<?")) {
            std::size_t end = m_xml.find("?>", m_pos);
            m_pos = end == std::string_view::npos ? m_xml.size() : end + 2;  // declarations and PIs: dropped
            return;
        }
        if (rest.starts_with("<!")) return skip_declaration();
        if (rest.size() > 1 && rest[1] == '/') return end_tag();
        if (rest.size() > 1 && is_name_start(rest[1])) return start_tag();
        m_out += "&lt;";
        ++m_pos;
    }

    std::string_view read_name() {
        std::size_t start = m_pos;
        while (m_pos < m_xml.size() && is_name_char(m_xml[m_pos])) ++m_pos;
        return m_xml.substr(start, m_pos - start);
    }

    void skip_space() {
        while (m_pos < m_xml.size() && std::isspace(static_cast<unsigned char>(m_xml[m_pos]))) ++m_pos;
    }

    std::string_view read_value() {
        if (m_pos < m_xml.size() && (m_xml[m_pos] == '"' || m_xml[m_pos] == '\'')) {
            char quote = m_xml[m_pos++];
            std::size_t end = m_xml.find(quote, m_pos);
            if (end == std::string_view::npos) end = m_xml.size();
            std::string_view value = m_xml.substr(m_pos, end - m_pos);
            m_pos = std::min(end + 1, m_xml.size());
            return value;
        }
        std::size_t start = m_pos;
        while (m_pos < m_xml.size() && !std::isspace(static_cast<unsigned char>(m_xml[m_pos])) &&
               m_xml[m_pos] != '>' && !(m_xml[m_pos] == '/' && m_pos + 1 < m_xml.size() && m_xml[m_pos + 1] == '>')) {
            ++m_pos;
        }
        return m_xml.substr(start, m_pos - start);
    }

    void start_tag() {
        ++m_pos;
        std::string_view name = read_name();
        std::string tag = "<" + std::string(name);
        std::vector<std::string_view> seen;
        bool self_closing = false;
        while (m_pos < m_xml.size()) {
            skip_space();
            if (m_pos >= m_xml.size()) break;
            char c = m_xml[m_pos];
            if (c == '>') { ++m_pos; break; }
            if (c == '/') {
                ++m_pos;
                if (m_pos < m_xml.size() && m_xml[m_pos] == '>') { ++m_pos; self_closing = true; break; }
                continue;
            }
            if (c == '<') break;  // a tag cut short: the next one starts here
            std::string_view attribute = read_name();
            if (attribute.empty()) { ++m_pos; continue; }
            skip_space();
            std::string_view value = attribute;
            if (m_pos < m_xml.size() && m_xml[m_pos] == '=') {
                ++m_pos;
                skip_space();
                value = read_value();
            }
            if (seen.size() >= k_max_attributes || std::find(seen.begin(), seen.end(), attribute) != seen.end()) continue;
            seen.push_back(attribute);
            tag += " " + std::string(attribute) + "=\"";
            escape_text(tag, value, true);
            tag += "\"";
        }
        if (m_open.size() >= k_max_depth || is_void(name)) self_closing = true;
        m_out += tag;
        m_out += self_closing ? "/>" : ">";
        if (!self_closing) m_open.emplace_back(name);
    }

    void end_tag() {
        m_pos += 2;
        std::string_view name = read_name();
        std::size_t gt = m_xml.find('>', m_pos);
        m_pos = gt == std::string_view::npos ? m_xml.size() : gt + 1;
        auto search_end = m_open.rbegin() + static_cast<std::ptrdiff_t>(std::min(m_open.size(), k_max_search));
        auto it = std::find(m_open.rbegin(), search_end, name);
        if (it == search_end) return;  // closes nothing that is open: dropped
        std::size_t keep = static_cast<std::size_t>(m_open.rend() - it) - 1;
        while (m_open.size() > keep) close_top();
    }

    void close_top() {
        m_out += "</" + m_open.back() + ">";
        m_open.pop_back();
    }

    std::string_view m_xml;
    std::size_t m_pos = 0;
    std::string m_out;
    std::vector<std::string> m_open;
};

}  // namespace

std::string rebalance_markup(std::string_view xml) { return Rebalancer(xml).run(); }

}  // namespace newswire::feed_detail
