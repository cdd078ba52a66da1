#pragma once
// One run at a time per database: an exclusive flock on "<database>.lock", held for the life
// of the object and released by the kernel even when the process dies.

#include <string>

#include "core/error.h"

namespace newswire {

class RunLock {
public:
    // Fails at once with ErrorCode::busy when another process holds the lock.
    static Result<RunLock> acquire(const std::string& database_path);

    RunLock(RunLock&& other) noexcept;
    RunLock& operator=(RunLock&& other) noexcept;
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    ~RunLock();

private:
    explicit RunLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
};

}  // namespace newswire
