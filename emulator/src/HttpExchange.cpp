#include "HttpExchange.h"

#include <Poco/URI.h>

namespace azureml_emulator {

static std::string decode(const std::string& text) {
  std::string plus = text;
  for (auto& c : plus)
    if (c == '+') c = ' ';
  std::string out;
  try {
    Poco::URI::decode(plus, out);
  } catch (...) {
    return plus;
  }
  return out;
}

std::map<std::string, std::string> parseQuery(const std::string& query) {
  std::map<std::string, std::string> params;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      if (eq == std::string::npos)
        params[decode(pair)] = "";
      else
        params[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
    }
    start = end + 1;
  }
  return params;
}

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

std::string urlEncode(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]", out);
  return out;
}

}  // namespace azureml_emulator
