// TransportOptions: the limits and trust settings of one HttpTransport. A value type.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "http/AttributeReader.h"

namespace aifoundry::http {

struct TransportOptions {
  std::chrono::milliseconds connectTimeout{std::chrono::seconds(10)};
  // Longest wait for any single read (headers or a body chunk); `Request Timeout Seconds`.
  std::chrono::milliseconds readTimeout{std::chrono::seconds(60)};
  // Bodies past this are refused while reading, so memory stays bounded (decompressed size counts).
  std::size_t maxResponseBytes = 32u * 1024u * 1024u;
  // Open connections (idle + busy) per scheme/host/port; callers wait for a free one past this.
  std::size_t maxConnectionsPerHost = 8;
  // A pooled connection idle longer than this is closed instead of reused (servers drop idle ones).
  std::chrono::milliseconds idleTimeout{std::chrono::seconds(30)};
  std::string caBundlePath;  // empty: the system CA store
  bool allowPlainHttpToLoopback = false;
  std::string userAgent;  // empty: the product default (see UserAgent.h)

  // From the platform attributes `CA Bundle Path`, `Allow Plain HTTP To Loopback`, `Request Timeout Seconds`.
  static TransportOptions fromAttributes(const Attributes& attributes);
};

}  // namespace aifoundry::http
