#include "fetcher/fetcher.h"
// Placeholder until the fetcher lands.
namespace newswire {
struct Fetcher::Impl { FetchOptions options; };
Fetcher::Fetcher(FetchOptions options) : m_impl(std::make_unique<Impl>(Impl{std::move(options)})) {}
Fetcher::~Fetcher() = default;
void Fetcher::fetch(const std::vector<FetchRequest>& requests,
                    const std::function<void(FetchResponse&&)>& on_done) {
    for (const auto& request : requests) on_done(fetch_one(request));
}
FetchResponse Fetcher::fetch_one(const FetchRequest& request) {
    FetchResponse response;
    response.id = request.id;
    response.url = request.url;
    response.error = Error{ErrorCode::network, "fetcher not built yet"};
    return response;
}
}  // namespace newswire
