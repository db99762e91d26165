#include "http/SocketInput.h"

#include <cstring>

namespace aifoundry::http {

std::size_t SocketInput::fill(Poco::Net::StreamSocket& socket, std::size_t room) {
  if (begin_ == end_) {
    begin_ = end_ = 0;
  } else if (begin_ > 0 && buffer_.size() - end_ < room) {
    // Move the unread tail to the front rather than grow: a head split across receives stays small.
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < room) buffer_.resize(end_ + room);
  const int got = socket.receiveBytes(buffer_.data() + end_, static_cast<int>(room));
  if (got <= 0) return 0;
  end_ += static_cast<std::size_t>(got);
  return static_cast<std::size_t>(got);
}

}  // namespace aifoundry::http
