#include "polysync_host/TextFile.h"

#include <fstream>
#include <sstream>

#include "polysync_host/Errors.h"

namespace polysync::host {

std::optional<std::string> tryReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

std::string readTextFile(const std::string& path, const std::string& option) {
  auto text = tryReadFile(path);
  if (!text) throw UsageError(option + " " + path + " cannot be read; check the path and its permissions");
  return std::move(*text);
}

}  // namespace polysync::host
