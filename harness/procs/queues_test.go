//go:build linux

package procs_test

import (
	"io"
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"

	"github.com/threadproc/threadproc/harness/procs"
)

var _ = Describe("SocketQueues", func() {
	It("counts the bytes one end received and its program has not read, until it reads them", func() {
		_, server, client := connectedPair("tcp4", "127.0.0.1:0", "")
		local, remote := ends(server)
		_, err := client.Write([]byte("hello"))
		Expect(err).NotTo(HaveOccurred())

		Eventually(func() (uint64, error) {
			q, err := procs.SocketQueues(local, remote)
			return q.Unread, err
		}).WithTimeout(3 * time.Second).Should(Equal(uint64(5)))

		Expect(server.SetReadDeadline(time.Now().Add(3 * time.Second))).To(Succeed())
		_, err = io.ReadFull(server, make([]byte, 5))
		Expect(err).NotTo(HaveOccurred())
		q, err := procs.SocketQueues(local, remote)
		Expect(err).NotTo(HaveOccurred())
		Expect(q.Unread).To(BeZero())
		cl, cr := ends(client)
		Expect(procs.SocketQueues(cl, cr)).To(Equal(procs.Queues{}), "the sender's bytes were acknowledged")
	})

	It("says so when no such connection is established", func() {
		_, server, _ := connectedPair("tcp4", "127.0.0.1:0", "")
		local, _ := ends(server)
		_, err := procs.SocketQueues(local, local)
		Expect(err).To(MatchError(ContainSubstring("no established connection")))
	})
})
