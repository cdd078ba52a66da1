#include "tests/support/process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace newswire::test {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

TempDir::TempDir() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() / ("newswire-test-" + std::to_string(::getpid()) + "-" +
                                                       std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

ProcessResult run_command(const std::string& command) {
    TempDir scratch;
    auto out_path = scratch.path() / "out";
    auto err_path = scratch.path() / "err";
    std::string full = command + " >'" + out_path.string() + "' 2>'" + err_path.string() + "' </dev/null";
    int status = std::system(full.c_str());
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_text(out_path);
    result.err = read_text(err_path);
    return result;
}

ProcessResult run_newswire(const std::string& arguments) {
    return run_command(std::string("'") + NEWSWIRE_BINARY + "' " + arguments);
}

}  // namespace newswire::test
