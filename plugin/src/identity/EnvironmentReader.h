// EnvironmentReader: how identity/ reads process environment variables (AZURE_*, IDENTITY_*). Injected so
// tests never call setenv; the default reads the real environment. Must be callable from any thread.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace aifoundry::identity {

using EnvironmentReader = std::function<std::optional<std::string>(const std::string& name)>;

// Reads the process environment (empty values count as absent).
EnvironmentReader processEnvironment();

}  // namespace aifoundry::identity
