#pragma once
// A real HTTP server on 127.0.0.1 and an ephemeral port, listening in its own thread, for tests
// of everything that speaks HTTP. Add routes through server() before start(). Destroy any
// Fetcher first (declare it after the TestServer) so its kept-alive connections do not hold
// server threads.

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>


namespace newswire::test {

class TestServer {
public:
    TestServer() {
        m_server.new_task_queue = [] { return new httplib::ThreadPool(16); };
        m_server.set_keep_alive_timeout(1);
    }

    ~TestServer() {
        m_stopping = true;
        m_server.stop();
        if (m_thread.joinable()) m_thread.join();
    }

    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    httplib::Server& server() { return m_server; }

    void start() {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        REQUIRE(m_port > 0);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    int port() const { return m_port; }

    std::string url(std::string_view path) const {
        return "http://127.0.0.1:" + std::to_string(m_port) + std::string(path);
    }

    // For stalling handlers: sleeps up to `duration`, less when the server is going down.
    void sleep_unless_stopping(std::chrono::milliseconds duration) const {
        auto end = std::chrono::steady_clock::now() + duration;
        while (!m_stopping && std::chrono::steady_clock::now() < end) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    bool stopping() const { return m_stopping; }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
};

}  // namespace newswire::test
