// SocketInput: the receive buffer of one connection. fill() makes ONE receive call into it (a poll's whole
// reply, head and body, usually arrives in one), and the HTTP reader takes bytes from its front. Poco's
// HTTP streams read through a 4 KB buffer and std::istream layers instead (two receives and a virtual
// call per header character for a 5 KB job, measured with bench/).
//
// Bytes left over after a response mean the server sent more than it should: the connection is then not
// reused (ConnectionPool checks empty()).
//
// Not synchronised: used by the thread that holds the connection's lease.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace aifoundry::http {

class SocketInput {
 public:
  // Bytes received and not yet taken.
  std::string_view pending() const { return {buffer_.data() + begin_, end_ - begin_}; }
  bool empty() const { return begin_ == end_; }
  void consume(std::size_t n) { begin_ += n; }
  void clear() { begin_ = end_ = 0; }

  // One receive from `socket` appended to pending(); 0 when the peer closed the connection. Poco's
  // exceptions (timeout, reset, TLS) pass through. `room` is the most to ask for.
  std::size_t fill(Poco::Net::StreamSocket& socket, std::size_t room = kReadSize);

  static constexpr std::size_t kReadSize = 32 * 1024;

 private:
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace aifoundry::http
