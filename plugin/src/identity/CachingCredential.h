// CachingCredential: the token cache in front of a credential, one entry per (scope, tenant).
//
// Rules (the Python SDK's, which are the strictest of the SDKs):
// - a cached token is served until its refresh time: `refresh_in` when the issuer sent it, else 5 minutes
//   before expiry;
// - inside the refresh window at most one refresh attempt per 30 s; when a refresh fails the still-valid
//   token keeps being served (and the failure logged);
// - a token past its expiry is never served;
// - one token request per key at a time: concurrent callers without a valid token wait for the one in
//   flight and share its result (or its error); callers that still hold a valid token do not wait;
// - invalidate() drops the cached token if it is the one the resource rejected, so the next call fetches.
// Every token obtained is registered with the Redactor the moment it arrives, whatever its shape (an opaque
// token is no JWT), and stays registered while it or one of the few tokens after it is the latest for its
// key: a server that quotes a token back in an error body, even one just replaced, never gets it printed.
//
// Thread safety: all members may be called from any thread. The inner credential is called without the
// cache lock held, by one thread per key at a time.
#pragma once

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "http/HttpError.h"
#include "http/Log.h"
#include "http/Redactor.h"
#include "http/TokenCredential.h"

namespace aifoundry::identity {

struct TokenCacheOptions {
  std::int64_t refreshBeforeExpiryS = 300;
  std::int64_t minRefreshIntervalS = 30;
  http::UnixClock clock;  // empty: the system clock
};

class CachingCredential : public http::TokenCredential {
 public:
  CachingCredential(std::shared_ptr<http::TokenCredential> inner, TokenCacheOptions options = {},
                    http::LogSink log = {});

  http::AccessToken getToken(const http::TokenRequestContext& context,
                             const http::CallControl& control) override;
  using http::TokenCredential::getToken;
  void invalidate(const http::TokenRequestContext& context, const std::string& rejectedToken) override;
  std::string describe() const override { return inner_->describe(); }

  // Token requests that reached the inner credential (tests, diagnostics).
  std::uint64_t requestsMade() const;

 private:
  struct Entry {
    std::optional<http::AccessToken> token;
    std::int64_t lastAttemptS = 0;
    bool inFlight = false;
    std::uint64_t generation = 0;  // bumps when a fetch completes
    // The error of the fetch of `generation`. Each waiter throws its own copy: sharing one exception object
    // among threads (std::exception_ptr) would leave its release to whichever thread came last.
    std::optional<http::HttpError> lastError;
    std::deque<http::Redactor::Registration> redactions;  // the latest tokens, newest last
  };
  using Key = std::pair<std::string, std::string>;  // scope, tenant
  // Orders keys and finds one from the request's own strings, without copying them into a Key on every call.
  struct KeyLess {
    using is_transparent = void;
    using View = std::pair<std::string_view, std::string_view>;
    static View view(const Key& key) { return {key.first, key.second}; }
    static View view(const View& key) { return key; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };

  std::int64_t now() const;
  bool valid(const Entry& entry, std::int64_t nowS) const;
  bool wantsRefresh(const Entry& entry, std::int64_t nowS) const;
  http::AccessToken fetch(Entry& entry, std::unique_lock<std::mutex>& lock,
                          const http::TokenRequestContext& context, const http::CallControl& control);

  std::shared_ptr<http::TokenCredential> inner_;
  TokenCacheOptions options_;
  http::LogSink log_;
  mutable std::mutex mutex_;
  std::condition_variable done_;
  std::map<Key, Entry, KeyLess> entries_;
  std::uint64_t requests_ = 0;
};

}  // namespace aifoundry::identity
