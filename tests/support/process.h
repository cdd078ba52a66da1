#pragma once
// Runs the real newswire binary from tests and captures what it printed.

#include <filesystem>
#include <string>

namespace newswire::test {

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `command` through /bin/sh; stdout and stderr are captured separately.
ProcessResult run_command(const std::string& command);

// Runs build/newswire with `arguments` (already shell-quoted where needed).
ProcessResult run_newswire(const std::string& arguments);

std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);

// A fresh empty folder under the system temp folder, removed with the object.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace newswire::test
