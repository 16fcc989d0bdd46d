/ Spectral operations (ktorch's math-spectral page): k data in gives k data out (a complex
/ result as real and imaginary rows, complexfirst), a tensor gives a tensor; an output tensor
/ takes the result and the call returns null. Values are small exact transforms.
q)fft 1 2 3 4e
10 -2 -2 -2
0  2  0  -2
q)fft(1 2 3 4e;4;-1)
10 -2 -2 -2
0  2  0  -2
q)fft(1 2e;4)
3 1  -1 1
0 -2 0  2
q)fft(1 2 3 4e;`ortho)
5 -1 -1 -1
0 1  0  -1
q)fft(1 2 3 4e;4;0;`forward)
2.5 -0.5 -0.5 -0.5
0   0.5  0    -0.5
q)x:tensor 4 3 2 1e
q)y:fft x
q)tensor y
10 2  2 2
0  -2 0 2
q)fft(x;`ortho;y)
q)tensor y
5 1  1 1
0 -1 0 1
q)z:ifft y
q)tensor z
2 1.5 1 0.5
0 0   0 0  
q)rfft 1 2 3 4e
10 -2 -2
0  2  0 
q)tensor irfft(tensor(`complex;rfft 1 2 3 4 5e);5)
1 2 3 4 5e
q)fft2(2 2#1 2 3 4e)
10 -2 -4 0 
0 0   0 0  
q)fftn(2 2#1 2 3 4e;2 2;0 1)
10 -2 -4 0 
0 0   0 0  
q)class fftfreq 4
`tensor
q)tensor r:fftfreq 4
0 0.25 -0.5 -0.25e
q)tensor fftfreq(5;0.5)
0 0.4 0.8 -0.8 -0.4e
q)tensor rfftfreq(6;2;`double)
0 0.08333333 0.1666667 0.25
q)fftfreq(4;r)
q)tensor r
0 0.25 -0.5 -0.25e
q)fftshift 0 1 2 3 -4 -3 -2 -1
-4 -3 -2 -1 0 1 2 3
q)ifftshift -4 -3 -2 -1 0 1 2 3
0 1 2 3 -4 -3 -2 -1
q)fftshift(2 3#til 6;1)
2 0 1
5 3 4
q)tensor hann 4
0 0.5 1 0.5e
q)tensor hann(4;0b;`double)
0 0.75 0.75 0
q)tensor hamming(5;0b;0.5;0.5)
0 0.5 1 0.5 0e
q)tensor kaiser(3;0b;1.0;`double)
0.7898483 1 0.7898483
q)fft(1 2 3e;`sideways)
'unrecognized fft norm: sideways
  [0]  fft(1 2 3e;`sideways)
       ^
q)fft(1 2 3e;1;2;3;4;5)
'fft: expecting up to 5 args, (input;size;dim;norm;output), given 6
  [0]  fft(1 2 3e;1;2;3;4;5)
       ^
q)fft(1 2 3e;`a`b)
'fft: unrecognized args, expecting up to 5, (input;size;dim;norm;output)
  [0]  fft(1 2 3e;`a`b)
       ^
q)fftfreq -1
'fftfreq: length cannot be negative, given -1
  [0]  fftfreq -1
       ^
q)fftfreq(3;`bogus)
'unrecognized tensor option: `bogus
  [0]  fftfreq(3;`bogus)
       ^
q)fftfreq 1 2 3
'fftfreq: expecting FFT length and spacing but given 3 element(s)
  [0]  fftfreq 1 2 3
       ^
q)fftshift(1 2 3;`x)
'fftshift: expected 2nd arg of dimension(s), given symbol scalar
  [0]  fftshift(1 2 3;`x)
       ^
q)hann `x
'hann expects arg(s) of length, (length;tensor attributes), (length;periodic;tensor attributes)
  [0]  hann `x
       ^
q)hamming(3;1b;1;2;3)
'hamming expects arg(s) of length, (length;periodic), (length;periodic;alpha) or (length;periodic;alpha;beta), along w'optional tensor attributes
  [0]  hamming(3;1b;1;2;3)
       ^
q)fft(x;4;5)
'Dimension out of range (expected to be in range of [-1, 0], but got 5)
  [0]  fft(x;4;5)
       ^
q)ft:tensor 1 2 3e; free ft; fftfreq ft
'stale pointer
  [0]  ft:tensor 1 2 3e; free ft; fftfreq ft
                                  ^
