#include "polysync_host/TextFile.h"

#include "polysync_host/Errors.h"

#include <fstream>
#include <sstream>

namespace polysync::host {

std::string readTextFile(const std::string& path, const std::string& option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(option + " " + path + " cannot be read; check the path and its permissions");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw UsageError(option + " " + path + " cannot be read; check the path and its permissions");
  return text.str();
}

}  // namespace polysync::host
