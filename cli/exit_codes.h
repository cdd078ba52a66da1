#pragma once
// newswire's exit codes, as README.md documents them. Cron mail stays quiet on 0.

namespace newswire::cli {

inline constexpr int k_exit_ok = 0;             // done; every feed and page that was due is fine
inline constexpr int k_exit_partial = 1;        // done; some feeds, pages or files failed (recorded)
inline constexpr int k_exit_usage = 2;          // bad command line or bad config
inline constexpr int k_exit_all_feeds_failed = 3;  // done, but every due feed failed (network down?)
inline constexpr int k_exit_database = 4;       // the database could not be opened or written
inline constexpr int k_exit_busy = 5;           // another run holds the database's lock

}  // namespace newswire::cli
