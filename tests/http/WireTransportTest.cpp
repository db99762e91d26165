// The HTTP/1.1 exchange on the wire (HttpTransport over ScriptedServer): how replies are framed (chunked,
// Content-Length, until close), interim responses, replies split into many receives, keep-alive and reuse
// rules, and the errors for replies that are cut short, compressed wrongly or not HTTP at all.
// The transport is used without a pipeline: no retry may hide a failure or open another connection.
#include <Poco/DeflatingStream.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "Helpers.h"
#include "ScriptedServer.h"
#include "http/HttpTransport.h"

using namespace aifoundry::http;
using namespace armtest;

namespace {

std::shared_ptr<HttpTransport> makeTransport() {
  auto options = loopbackOptions();
  options.readTimeout = std::chrono::seconds(5);  // a safety net only: no test waits for it
  return std::make_shared<HttpTransport>(options);
}

std::string gzip(const std::string& text) {
  std::ostringstream compressed;
  Poco::DeflatingOutputStream deflate(compressed, Poco::DeflatingStreamBuf::STREAM_GZIP);
  deflate << text;
  deflate.close();
  return compressed.str();
}

bool mentions(const HttpError& error, const std::string& text) {
  return std::string(error.what()).find(text) != std::string::npos;
}

const std::string kChunkedHead =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";

}  // namespace

TEST(WireTransport, ReadsAChunkedBodyWithChunkExtensionsAndTrailerFields) {
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach(kChunkedHead +
                 "5;name=value\r\n{\"a\":\r\n7 ; x=\"y\"\r\n\"hello\"\r\n1\r\n}\r\n0;last\r\n" +
                 "X-Trailer: t\r\nOther-Trailer: u\r\n\r\n");
  });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) {
    const auto response = transport->send(get(server.url("/c")), CallControl());
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"({"a":"hello"})");
  }
  // The trailer was read to its end: the connection was clean for the next request.
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(WireTransport, AChunkedBodyCutOffMidChunkIsATruncatedNetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest()) c.send(kChunkedHead + "a\r\nhello");
  });
  auto transport = makeTransport();
  const auto error = errorOf([&] { transport->send(get(server.url("/c")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "truncated")) << error.what();
}

TEST(WireTransport, AContentLengthBodyCutOffIsATruncatedNetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest()) c.send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + std::string(50, ' '));
  });
  auto transport = makeTransport();
  const auto error = errorOf([&] { transport->send(get(server.url("/t")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "truncated")) << error.what();
  EXPECT_TRUE(mentions(error, "50 of 100")) << error.what();
}

TEST(WireTransport, ReadsAReplyDeliveredOneBytePerSend) {
  const std::string body = R"({"value":[1,2,3],"name":"trickled"})";
  ScriptedServer server([&](ScriptedConnection& c) {
    if (c.readRequest())
      c.sendInPieces(okReply(body, "X-Extra:  spaced value \r\n"), 1, std::chrono::milliseconds(1));
    c.answerEach(kChunkedHead + "3\r\n[1]\r\n0\r\n\r\n");
  });
  auto transport = makeTransport();
  const auto response = transport->send(get(server.url("/slow")), CallControl());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, body);
  EXPECT_EQ(response.headers.getOr("x-extra", ""), "spaced value");
  EXPECT_EQ(transport->send(get(server.url("/next")), CallControl()).body, "[1]");
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(WireTransport, ReadsAChunkedReplyDeliveredOneBytePerSend) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest())
      c.sendInPieces(kChunkedHead + "4;e=1\r\n[1,2\r\n2\r\n,3\r\n1\r\n]\r\n0\r\nT: v\r\n\r\n", 1,
                     std::chrono::milliseconds(1));
  });
  auto transport = makeTransport();
  EXPECT_EQ(transport->send(get(server.url("/slow")), CallControl()).body, "[1,2,3]");
}

TEST(WireTransport, SkipsInterimResponsesBeforeTheFinalOne) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (!c.readRequest()) return;
    c.send("HTTP/1.1 100 Continue\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    c.send("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    c.send(okReply(R"({"final":true})", "X-Final: yes\r\n"));
    c.answerEach(okReply("{}"));
  });
  auto transport = makeTransport();
  const auto response = transport->send(get(server.url("/i")), CallControl());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"final":true})");
  EXPECT_EQ(response.headers.getOr("X-Final", ""), "yes");
  EXPECT_FALSE(response.headers.has("Link"));  // the interim response's fields are not the reply's
  EXPECT_EQ(transport->send(get(server.url("/i")), CallControl()).body, "{}");
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(WireTransport, SkipsAnInterimResponseThatArrivesWithTheFinalOne) {
  ScriptedServer server(
      [](ScriptedConnection& c) { c.answerEach("HTTP/1.1 100 Continue\r\n\r\n" + okReply("[]")); });
  auto transport = makeTransport();
  const auto response = transport->send(get(server.url("/i")), CallControl());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "[]");
}

TEST(WireTransport, ReadsAnHttp10ReplyWithoutLengthUntilCloseAndDoesNotReuseTheConnection) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (!c.readRequest()) return;
    c.send("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"part\":");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    c.send("\"two\"}");
    c.close();
  });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) {
    const auto response = transport->send(get(server.url("/old")), CallControl());
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, R"({"part":"two"})");
  }
  EXPECT_EQ(server.connectionsAccepted(), 2);
}

// (Found a bug: the transport moved the reply's headers into the response before deciding keep-alive,
// so the Connection field was never seen.)
TEST(WireTransport, ReusesAnHttp10ConnectionOnlyWhenTheServerSaysKeepAlive) {
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}");
  });
  auto transport = makeTransport();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(transport->send(get(server.url("/k")), CallControl()).body, "{}");
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(WireTransport, DoesNotReuseAnHttp10ConnectionWithALengthButNoKeepAlive) {
  // The server would answer a second request on the same connection: only the client's rule stops it.
  ScriptedServer server(
      [](ScriptedConnection& c) { c.answerEach("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}"); });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) EXPECT_EQ(transport->send(get(server.url("/k")), CallControl()).body, "{}");
  EXPECT_EQ(server.connectionsAccepted(), 2);
}

TEST(WireTransport, DoesNotReuseAConnectionTheServerSaidToClose) {
  ScriptedServer server([](ScriptedConnection& c) { c.answerEach(okReply("{}", "Connection: close\r\n")); });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) EXPECT_EQ(transport->send(get(server.url("/x")), CallControl()).body, "{}");
  EXPECT_EQ(server.connectionsAccepted(), 2);
}

TEST(WireTransport, ReusesAnHttp11KeepAliveConnection) {
  ScriptedServer server([](ScriptedConnection& c) { c.answerEach(okReply("{}")); });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) EXPECT_EQ(transport->send(get(server.url("/x")), CallControl()).body, "{}");
  EXPECT_EQ(server.connectionsAccepted(), 1);
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST(WireTransport, DoesNotReuseAConnectionWithBytesAfterTheBody) {
  ScriptedServer server([](ScriptedConnection& c) { c.answerEach(okReply("{}") + "HTTP/1.1 200 OK\r\n"); });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) {
    const auto response = transport->send(get(server.url("/x")), CallControl());
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "{}");
  }
  EXPECT_EQ(server.connectionsAccepted(), 2);
}

TEST(WireTransport, ACorruptGzipBodyIsANetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach(okReply("this is not gzip at all", "Content-Encoding: gzip\r\n"));
  });
  auto transport = makeTransport();
  const auto error = errorOf([&] { transport->send(get(server.url("/z")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "corrupt")) << error.what();
}

TEST(WireTransport, DecodesAGzipBodySentInChunks) {
  const std::string compressed = gzip(R"({"value":"zipped and chunked"})");
  const std::string half = compressed.substr(0, compressed.size() / 2), rest = compressed.substr(half.size());
  std::ostringstream hex1, hex2;
  hex1 << std::hex << half.size();
  hex2 << std::hex << rest.size();
  ScriptedServer server([&](ScriptedConnection& c) {
    const std::string head =
        "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
    c.answerEach(head + hex1.str() + "\r\n" + half + "\r\n" + hex2.str() + "\r\n" + rest + "\r\n0\r\n\r\n");
  });
  auto transport = makeTransport();
  EXPECT_EQ(transport->send(get(server.url("/z")), CallControl()).body, R"({"value":"zipped and chunked"})");
}

// A gzip stream cut short inside a reply whose framing is complete (a proxy or server bug) must not pass
// for the whole body: half a JSON document could decode as something else, or fail far from its cause.
// (Found a bug: nothing checked BodyInflater::finished() once the framing had ended. An empty body stays
// accepted: AnEmptyBodyWithAGzipContentEncodingIsEmpty.)
TEST(WireTransport, AGzipBodyThatEndsBeforeItsStreamEndIsANetworkError) {
  const std::string compressed = gzip(R"({"value":")" + std::string(2000, 'x') + R"("})");
  ScriptedServer server([&](ScriptedConnection& c) {
    c.answerEach(okReply(compressed.substr(0, compressed.size() / 2), "Content-Encoding: gzip\r\n"));
  });
  auto transport = makeTransport();
  const auto error = errorOf([&] {
    const auto response = transport->send(get(server.url("/z")), CallControl());
    ADD_FAILURE() << "accepted " << response.body.size() << " decoded bytes of a truncated gzip stream";
  });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
}

TEST(WireTransport, AnEmptyBodyWithAGzipContentEncodingIsEmpty) {
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach("HTTP/1.1 202 Accepted\r\nContent-Encoding: gzip\r\nContent-Length: 0\r\n\r\n");
  });
  auto transport = makeTransport();
  const auto response = transport->send(get(server.url("/z")), CallControl());
  EXPECT_EQ(response.status, 202);
  EXPECT_EQ(response.body, "");
}

TEST(WireTransport, AMalformedContentLengthIsANetworkError) {
  ScriptedServer server(
      [](ScriptedConnection& c) { c.answerEach("HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n{}"); });
  auto transport = makeTransport();
  const auto error = errorOf([&] { transport->send(get(server.url("/m")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "malformed")) << error.what();
}

TEST(WireTransport, AnUnsupportedTransferEncodingIsANetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
  });
  auto transport = makeTransport();
  const auto error = errorOf([&] { transport->send(get(server.url("/m")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "not supported")) << error.what();
}

TEST(WireTransport, A204ReplyHasNoBodyAndKeepsTheConnection) {
  // Content-Length is ignored on a 204: reading 5 bytes here would wait for the safety net.
  ScriptedServer server(
      [](ScriptedConnection& c) { c.answerEach("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n"); });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) {
    HttpRequest request = get(server.url("/d"));
    request.method = "DELETE";
    const auto response = transport->send(request, CallControl());
    EXPECT_EQ(response.status, 204);
    EXPECT_EQ(response.body, "");
  }
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(WireTransport, A304ReplyHasNoBody) {
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach("HTTP/1.1 304 Not Modified\r\nETag: \"1\"\r\nContent-Length: 20\r\n\r\n");
  });
  auto transport = makeTransport();
  const auto response = transport->send(get(server.url("/e")), CallControl());
  EXPECT_EQ(response.status, 304);
  EXPECT_EQ(response.body, "");
}

TEST(WireTransport, AHeadReplyHasNoBodyWhateverItsContentLength) {
  ScriptedServer server(
      [](ScriptedConnection& c) { c.answerEach("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"); });
  auto transport = makeTransport();
  for (int i = 0; i < 2; ++i) {
    HttpRequest request = get(server.url("/h"));
    request.method = "HEAD";
    const auto response = transport->send(request, CallControl());
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.headers.getOr("Content-Length", ""), "1234");
    EXPECT_EQ(response.body, "");
  }
  EXPECT_EQ(server.connectionsAccepted(), 1);
}

TEST(WireTransport, AReplyThatIsNotHttpIsANetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest()) c.send("<html><body>Gateway says hello</body></html>\r\n\r\n");
  });
  auto transport = makeTransport();
  const auto error = errorOf([&] { transport->send(get(server.url("/g")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "not valid HTTP")) << error.what();
  EXPECT_FALSE(mentions(error, "Gateway says")) << error.what();  // the bytes are not echoed
}

TEST(WireTransport, ReplacesAReusedConnectionTheServerClosedAfterItsReply) {
  // Each connection answers one request as keep-alive, then the server closes it: the pooled connection
  // is dead when the next request takes it, and that request goes again on a new one without an error.
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest()) c.send(okReply(R"({"n":)" + std::to_string(c.index()) + "}"));
  });
  auto transport = makeTransport();
  EXPECT_EQ(transport->send(get(server.url("/x")), CallControl()).body, R"({"n":0})");
  ASSERT_TRUE(server.waitForFinishedScripts(1));  // the first connection is closed now
  const auto response = transport->send(get(server.url("/x")), CallControl());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"n":1})");
  EXPECT_EQ(server.connectionsAccepted(), 2);
}

TEST(WireTransport, SendsAPutBodyLargerThan64KbIntactWithItsLength) {
  std::string body(200 * 1024 + 7, '\0');
  for (std::size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  ScriptedServer server([](ScriptedConnection& c) { c.answerEach(okReply("{}")); });
  auto transport = makeTransport();
  HttpRequest request = get(server.url("/put?x=1"));
  request.method = "PUT";
  request.body = aifoundry::common::SecretString(body);
  EXPECT_EQ(transport->send(request, CallControl()).status, 200);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& received = requests[0];
  const auto end = received.find("\r\n\r\n");
  ASSERT_NE(end, std::string::npos);
  const std::string head = received.substr(0, end + 4);
  EXPECT_EQ(head.rfind("PUT /put?x=1 HTTP/1.1\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("\r\nContent-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos)
      << head;
  EXPECT_TRUE(received.substr(end + 4) == body) << "the body arrived changed";
}

// A head trickled one byte at a time, each byte well inside the read timeout, must not carry the call past
// its deadline: every receive after the first shrinks the socket's timeout to the time left and checks it.
// (Before, only bodies were bounded so: this test then failed.)
TEST(WireTransport, AHeadTrickledPastTheDeadlineEndsTheCallWithTimeout) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (!c.readRequest()) return;
    // The blank line and the body in one last piece: once the head is complete nothing more is read,
    // so only the head's own receives can notice the deadline.
    c.sendInPieces("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n", 1,
                   std::chrono::milliseconds(50));
    c.send("\r\n{}");
  });
  auto transport = makeTransport();
  CallControl control;
  control.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  const HttpError error = errorOf([&] { transport->send(get(server.url("/slow")), control); });
  EXPECT_EQ(error.reason(), ErrorReason::Timeout) << error.what();
  transport.reset();  // ends the script's wait before the server joins it
}

TEST(WireTransport, ConflictingContentLengthFieldsAreANetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest()) c.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 20\r\n\r\n{}");
  });
  auto transport = makeTransport();
  const HttpError error = errorOf([&] { transport->send(get(server.url("/cl")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "conflicting Content-Length")) << error.what();
  transport.reset();
}

TEST(WireTransport, CloseAsOneTokenOfSeveralInConnectionIsHonoured) {
  // "close" among other tokens; and a token merely containing the letters is not "close".
  ScriptedServer server([](ScriptedConnection& c) {
    c.answerEach(
        okReply("{}", c.index() == 0 ? "Connection: upgrade, Close\r\n" : "Connection: x-closed\r\n"));
  });
  auto transport = makeTransport();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(transport->send(get(server.url("/c")), CallControl()).body, "{}");
  // First reply closes (connection 0), the next two share connection 1.
  EXPECT_EQ(server.connectionsAccepted(), 2);
  transport.reset();
}

TEST(WireTransport, AnUnrequestedProtocolSwitchIsANetworkError) {
  ScriptedServer server([](ScriptedConnection& c) {
    if (c.readRequest())
      c.send("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
  });
  auto transport = makeTransport();
  const HttpError error = errorOf([&] { transport->send(get(server.url("/ws")), CallControl()); });
  EXPECT_EQ(error.reason(), ErrorReason::Network) << error.what();
  EXPECT_TRUE(mentions(error, "101")) << error.what();
  transport.reset();
}
