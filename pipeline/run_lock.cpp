#include "pipeline/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace newswire {

Result<RunLock> RunLock::acquire(const std::string& database_path) {
    std::string path = database_path + ".lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return fail(ErrorCode::io, "cannot open lock file " + path + ": " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) {
            return fail(ErrorCode::busy, "another newswire run is using " + database_path + " (lock " + path + ")");
        }
        return fail(ErrorCode::io, "cannot lock " + path + ": " + std::strerror(error));
    }
    return RunLock(fd);
}

RunLock::RunLock(RunLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

RunLock::~RunLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

}  // namespace newswire
