/* SPDX-License-Identifier: MIT */
/*
 * errno.h - the error number of the last failing libc call, and the E*
 * codes.
 *
 * A kut guest has one address space and no threads of its own, so errno is
 * a plain global int shared by every CPU (not per-CPU, not a macro): read
 * it right after the call that set it.  Only the strto* family sets it
 * (ERANGE on overflow, EINVAL on a bad base).  The values are Linux's, so
 * a test can compare them with what a Linux-style interface (or upstream
 * kvm-unit-tests code) returns as -EINVAL and friends.
 */
#ifndef KUT_ERRNO_H
#define KUT_ERRNO_H

extern int errno;

#define EPERM		1	/* operation not permitted */
#define ENOENT		2	/* no such file or directory */
#define ESRCH		3	/* no such process */
#define EINTR		4	/* interrupted call */
#define EIO		5	/* I/O error */
#define ENXIO		6	/* no such device or address */
#define E2BIG		7	/* argument list too long */
#define ENOEXEC		8	/* exec format error */
#define EBADF		9	/* bad file number */
#define ECHILD		10	/* no child processes */
#define EAGAIN		11	/* try again */
#define EWOULDBLOCK	EAGAIN
#define ENOMEM		12	/* out of memory */
#define EACCES		13	/* permission denied */
#define EFAULT		14	/* bad address */
#define ENOTBLK		15	/* block device required */
#define EBUSY		16	/* device or resource busy */
#define EEXIST		17	/* already exists */
#define EXDEV		18	/* cross-device link */
#define ENODEV		19	/* no such device */
#define ENOTDIR		20	/* not a directory */
#define EISDIR		21	/* is a directory */
#define EINVAL		22	/* invalid argument */
#define ENFILE		23	/* file table overflow */
#define EMFILE		24	/* too many open files */
#define ENOTTY		25	/* not a typewriter */
#define ETXTBSY		26	/* text file busy */
#define EFBIG		27	/* file too large */
#define ENOSPC		28	/* no space left on device */
#define ESPIPE		29	/* illegal seek */
#define EROFS		30	/* read-only file system */
#define EMLINK		31	/* too many links */
#define EPIPE		32	/* broken pipe */
#define EDOM		33	/* argument out of domain */
#define ERANGE		34	/* result out of range */
#define EDEADLK		35	/* resource deadlock would occur */
#define ENAMETOOLONG	36	/* name too long */
#define ENOLCK		37	/* no record locks available */
#define ENOSYS		38	/* function not implemented */
#define ENOTEMPTY	39	/* directory not empty */
#define ELOOP		40	/* too many symbolic links */
#define ENOMSG		42	/* no message of desired type */
#define EIDRM		43	/* identifier removed */
#define ENODATA		61	/* no data available */
#define ETIME		62	/* timer expired */
#define EPROTO		71	/* protocol error */
#define EBADMSG		74	/* not a data message */
#define EOVERFLOW	75	/* value too large for defined data type */
#define EILSEQ		84	/* illegal byte sequence */
#define EOPNOTSUPP	95	/* operation not supported */
#define ENOTSUP		EOPNOTSUPP
#define EADDRINUSE	98	/* address already in use */
#define ENOBUFS		105	/* no buffer space available */
#define ETIMEDOUT	110	/* timed out */
#define EALREADY	114	/* operation already in progress */
#define EINPROGRESS	115	/* operation now in progress */
#define ECANCELED	125	/* operation canceled */

#endif /* KUT_ERRNO_H */
