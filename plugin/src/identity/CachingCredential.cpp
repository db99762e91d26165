#include "identity/CachingCredential.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include "http/HttpError.h"

namespace aifoundry::identity {

namespace {

constexpr std::size_t kRememberedTokens = 3;

// What callers waiting for a fetch are told when it failed with something other than an HttpError (a
// library's exception, std::bad_alloc): one line, redacted, and what to do.
http::HttpError waitersErrorFor(const std::exception_ptr& error) {
  std::string why = "an unexpected error";
  try {
    std::rethrow_exception(error);  // this thread's own exception_ptr: nothing shared
  } catch (const std::exception& e) {
    why = http::oneLine(http::Redactor::redact(e.what()), 200);
  } catch (...) {
  }
  http::HttpError::Details details;
  details.reason = http::ErrorReason::Authentication;
  return http::HttpError("sign-in failed (" + why + "); check the sign-in settings, then try again", details);
}

}  // namespace

CachingCredential::CachingCredential(std::shared_ptr<http::TokenCredential> inner, TokenCacheOptions options,
                                     http::LogSink log)
    : inner_(std::move(inner)), options_(std::move(options)), log_(std::move(log)) {}

std::int64_t CachingCredential::now() const {
  return options_.clock ? options_.clock() : http::systemUnixNow();
}

bool CachingCredential::valid(const Entry& entry, std::int64_t nowS) const {
  return entry.token && entry.token->expiresOnUnixS > nowS;
}

bool CachingCredential::wantsRefresh(const Entry& entry, std::int64_t nowS) const {
  const auto& token = *entry.token;
  // Saturated: an expiry near INT64_MIN (a hostile reply or host) must not overflow the subtraction.
  const std::int64_t earliest =
      std::numeric_limits<std::int64_t>::min() + std::max<std::int64_t>(options_.refreshBeforeExpiryS, 0);
  const std::int64_t refreshAt = token.refreshOnUnixS ? *token.refreshOnUnixS
                                 : token.expiresOnUnixS < earliest
                                     ? std::numeric_limits<std::int64_t>::min()
                                     : token.expiresOnUnixS - options_.refreshBeforeExpiryS;
  if (nowS < refreshAt) return false;
  return nowS - entry.lastAttemptS >= options_.minRefreshIntervalS;
}

http::AccessToken CachingCredential::getToken(const http::TokenRequestContext& context,
                                              const http::CallControl& control) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto found = entries_.find(KeyLess::View(context.scope, context.tenant));
  if (found == entries_.end()) found = entries_.emplace(Key(context.scope, context.tenant), Entry()).first;
  Entry& entry = found->second;
  while (true) {
    const auto nowS = now();
    if (valid(entry, nowS)) {
      if (entry.inFlight || !wantsRefresh(entry, nowS)) return *entry.token;
      try {
        return fetch(entry, lock, context, control);
      } catch (const http::HttpError& error) {
        // Keep serving the valid token; the next attempt waits for the 30 s throttle.
        if (error.reason() == http::ErrorReason::Interrupted) throw;
        http::log(log_, http::LogLevel::Warning,
                  "token refresh failed, the cached token stays in use until it expires: " +
                      std::string(error.what()));
        if (valid(entry, now())) return *entry.token;
        throw;
      }
    }
    if (!entry.inFlight) return fetch(entry, lock, context, control);
    // Someone else is fetching: wait for that result instead of sending a second request.
    const auto generation = entry.generation;
    while (entry.inFlight && entry.generation == generation) {
      if (control.isInterrupted())
        http::throwError(http::ErrorReason::Interrupted, "interrupted while waiting for a token");
      if (control.expired())
        http::throwError(http::ErrorReason::Timeout, "the call's deadline passed while waiting for a token");
      done_.wait_for(lock, std::chrono::milliseconds(20));
    }
    if (entry.generation != generation && entry.lastError && !valid(entry, now())) throw *entry.lastError;
  }
}

http::AccessToken CachingCredential::fetch(Entry& entry, std::unique_lock<std::mutex>& lock,
                                           const http::TokenRequestContext& context,
                                           const http::CallControl& control) {
  entry.inFlight = true;
  entry.lastAttemptS = now();
  ++requests_;
  lock.unlock();
  std::optional<http::AccessToken> fresh;
  std::exception_ptr error;  // this thread's own: rethrown below, never shared
  std::optional<http::HttpError> failure;
  http::Redactor::Registration redaction;
  try {
    fresh = inner_->getToken(context, control);
    redaction = http::Redactor::registerSecret(fresh->token);
  } catch (const http::HttpError& e) {
    error = std::current_exception();
    failure = e;
  } catch (...) {
    error = std::current_exception();
    failure = waitersErrorFor(error);
  }
  lock.lock();
  entry.inFlight = false;
  ++entry.generation;
  entry.lastError = std::move(failure);
  if (fresh) {
    entry.token = *fresh;
    entry.redactions.push_back(std::move(redaction));
    // Tokens are replaced near their expiry or after a 401: older ones than these are out of use.
    while (entry.redactions.size() > kRememberedTokens) entry.redactions.pop_front();
  }
  done_.notify_all();
  if (error) std::rethrow_exception(error);
  return *fresh;
}

void CachingCredential::invalidate(const http::TokenRequestContext& context,
                                   const std::string& rejectedToken) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(Key(context.scope, context.tenant));
  if (it == entries_.end() || !it->second.token || it->second.token->token != rejectedToken) return;
  it->second.token.reset();
  it->second.lastAttemptS = 0;
}

std::uint64_t CachingCredential::requestsMade() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

}  // namespace aifoundry::identity
