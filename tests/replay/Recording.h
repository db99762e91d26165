// Recording: one file of tests/data/recorded/ read into its exchanges. Two formats are read: the Python SDK
// recorder's {"Entries":[{RequestUri, RequestMethod, RequestHeaders, RequestBody, StatusCode,
// ResponseHeaders, ResponseBody}]} and the PowerShell recorder's {"<key>":{"Request":{…},"Response":{…}}}.
// Bodies are kept as the exact JSON text of the recording (no re-serialisation), so what the replay server
// sends is what the file holds.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace replay {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Exchange {
  std::string method;
  std::string uri;
  Headers requestHeaders;
  std::string requestBody;  // JSON text; "" when the recording has null
  int status = 0;
  Headers responseHeaders;   // array-valued headers flattened, in recorded order
  std::string responseBody;  // JSON text; "" when the recording has null or an empty body

  // The path of `uri` (no scheme, host or query).
  std::string path() const;
  // The first response header of that name (case-insensitive); "" when absent.
  std::string responseHeader(const std::string& name) const;
  std::string requestHeader(const std::string& name) const;
};

// Reads tests/data/recorded/<fileName>; throws std::runtime_error when it is missing or not a recording.
std::vector<Exchange> loadRecording(const std::string& fileName);

}  // namespace replay
